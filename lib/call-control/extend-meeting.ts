import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { scheduleHardStop, stopFor } from "@/lib/call-control/schedule-hard-stop";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { lockMeeting } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { canExtend, EXTEND_STEP_MINUTES, type ExtendResult } from "@/lib/shared/meeting-limits";

export type ExtendOutcome =
  ExtendResult | { extended: false; reason: "not_live" | "at_maximum"; stopAt: number | null };

/**
 * A host adds EXTEND_STEP_MINUTES to the meeting's hard stop (ADR 0021), never past the workspace
 * maximum: the last step is shortened to reach it exactly, and at the maximum nothing changes.
 * Under the meeting lock, so the stop job (which decides under the same lock) sees either the old
 * stop or the new one, never half of it.
 */
export async function extendMeeting(
  workspaceId: string,
  meetingId: string,
  by: { actorId: string | null; via: "roster" | "keypad"; legId?: string },
): Promise<ExtendOutcome> {
  const outcome = await db.$transaction(async (tx): Promise<ExtendOutcome> => {
    await lockMeeting(tx, meetingId);
    const m = await tx.meeting.findFirstOrThrow({
      where: { id: meetingId, workspaceId },
      include: { workspace: true },
    });
    const stop = m.status === "live" ? stopFor(m) : null;
    if (!stop) return { extended: false, reason: "not_live", stopAt: null };
    if (!canExtend(stop)) return { extended: false, reason: "at_maximum", stopAt: stop.at };
    const extendedMinutes = m.extendedMinutes + EXTEND_STEP_MINUTES;
    const next = stopFor({ ...m, extendedMinutes })!;
    await tx.meeting.update({ where: { id: m.id }, data: { extendedMinutes } });
    await scheduleHardStop(tx, workspaceId, m.id, new Date(next.at));
    const addedMinutes = Math.ceil((next.at - stop.at) / 60_000);
    await tx.auditLog.create({
      data: {
        workspaceId,
        actorId: by.actorId,
        action: "meeting.extended",
        target: m.id,
        details: { via: by.via, addedMinutes, stopAt: new Date(next.at).toISOString(), legId: by.legId ?? null },
      },
    });
    return { extended: true, stopAt: next.at, addedMinutes, atMaximum: !canExtend(next) };
  });
  if (outcome.extended) notifyRosterChanged(meetingId);
  return outcome;
}

/** "Extend" on the live roster: the same, for a meeting the actor may manage; a refusal is a 409. */
export async function extendMeetingForActor(actor: Actor, meetingId: string): Promise<ExtendResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  const outcome = await extendMeeting(actor.workspaceId, meeting.id, { actorId: actor.userId, via: "roster" });
  if (outcome.extended) return outcome;
  if (outcome.reason === "at_maximum") throw new AppError("CONFLICT", "extendAtMaximum");
  throw new AppError("CONFLICT", "extendNotLive");
}

/**
 * A host's extend key in the room: extends and tells that caller alone what happened, in the
 * meeting's language (the reply to the conference digits event).
 */
export async function extendMeetingFromKeypad(
  workspaceId: string,
  meeting: { id: string; language: string },
  legId: string,
  now: number = Date.now(),
): Promise<VoiceResponse> {
  const p = promptsFor(meeting.language);
  const outcome = await extendMeeting(workspaceId, meeting.id, { actorId: null, via: "keypad", legId });
  const text = outcome.extended
    ? p.meetingExtended(outcome.addedMinutes, Math.max(1, Math.round((outcome.stopAt - now) / 60_000)))
    : outcome.reason === "at_maximum"
      ? p.extendAtMaximum
      : p.extendNotLive;
  return { actions: [{ say: { text, language: p.language } }] };
}
