import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { EndMeetingResult } from "@/lib/shared/api-schemas";

type MeetingRow = Prisma.MeetingGetPayload<{ include: { workspace: true } }>;

export type CloseOptions = {
  /** Who ended it (null: Mkutano itself, e.g. the hard stop). */
  actorId: string | null;
  details?: Prisma.InputJsonValue;
  /**
   * Checked under the meeting lock before anything changes: false leaves the meeting running (the
   * hard stop uses it so an extension committed meanwhile always wins).
   */
  stillDue?: (meeting: MeetingRow) => boolean;
  /** A leg left connected for now (the keypad's host hears the goodbye first); the caller hangs it up. */
  keepLegId?: string;
  /** More work in the same transaction, after the meeting is marked ended (e.g. a durable job). */
  alsoInTransaction?: (tx: Prisma.TransactionClient, now: number) => Promise<void>;
};

export type CloseResult = { ended: boolean; hungUp: number; failed: number };

/** Ends the meeting for everyone: marks it ended, cancels queued dials and hangs up every live leg. */
export async function endMeeting(actor: Actor, meetingId: string): Promise<EndMeetingResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  if (meeting.status === "cancelled") throw new AppError("CONFLICT", "meetingCancelled");
  const { hungUp, failed } = await closeMeeting(actor.workspaceId, meeting.id, { actorId: actor.userId });
  return { hungUp, failed };
}

/** The end itself, for the organiser and for Mkutano's own limits alike (workspace-scoped, idempotent). */
export async function closeMeeting(workspaceId: string, meetingId: string, opts: CloseOptions): Promise<CloseResult> {
  const now = Date.now();
  const closed = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const meeting = await tx.meeting.findFirstOrThrow({
      where: { id: meetingId, workspaceId },
      include: { workspace: true },
    });
    if (meeting.status === "cancelled" || (opts.stillDue && !opts.stillDue(meeting))) return null;
    const legs = await tx.leg.findMany({ where: { meetingId, state: { not: "left" } } });
    await recordRosterEvents(tx, workspaceId, meetingId, [
      { key: "control-end", kind: "control.end", at: now },
      // Legs not yet dialled never will be.
      ...legs
        .filter((l) => !l.callId)
        .map((l) => ({
          key: `dial-failed:${l.id}`,
          kind: "dial.failed" as const,
          legId: l.id,
          reason: "meeting_ended" as const,
          at: now,
        })),
    ]);
    await tx.meeting.update({
      where: { id: meetingId },
      data: { status: "ended", endedAt: meeting.endedAt ?? new Date(now) },
    });
    await tx.auditLog.create({
      data: { workspaceId, actorId: opts.actorId, action: "meeting.ended", target: meetingId, details: opts.details },
    });
    await opts.alsoInTransaction?.(tx, now);
    return legs.filter((l) => l.callId && l.id !== opts.keepLegId);
  });
  if (!closed) return { ended: false, hungUp: 0, failed: 0 };
  notifyRosterChanged(meetingId);
  if (closed.length === 0) return { ended: true, hungUp: 0, failed: 0 };

  const client = await getSautikitClient(workspaceId);
  const results = await Promise.allSettled(closed.map((l) => client.calls.hangup(l.callId!)));
  const failed = results.filter((r) => r.status === "rejected").length;
  if (failed) log.warn({ meetingId, failed }, "some legs could not be hung up");
  return { ended: true, hungUp: closed.length - failed, failed };
}
