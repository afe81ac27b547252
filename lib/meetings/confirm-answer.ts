import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apologise } from "@/lib/meetings/room-actions";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import type { ReminderEnding } from "@/lib/meetings/prompts/types";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import type { ConfirmResult, RosterEvent } from "@/lib/roster/roster-event";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { getDigits, nestedSay, voiceResponse } from "@/lib/sautikit/voice-actions";

// Answer confirmation: an answered dial-out is asked to press 1 before it reaches the room, so a
// voicemail (which answers exactly like a person) or someone who cannot talk now never joins and
// costs at most this window. Each step is a roster fact keyed by the call, so the roster, the
// statement and the audit trail all tell the same story, and a repeated callback cannot count twice.

export const CONFIRM_KEY = "1";
export const DECLINE_KEY = "2";
/** How long each ask waits for a key (a wait on a person: real seconds on every network). */
export const CONFIRM_TIMEOUT_SECONDS = 6;
/** The prompt is asked this many times before Mkutano says goodbye. */
export const CONFIRM_ASKS = 2;

type Tx = Prisma.TransactionClient;
type MeetingLike = {
  id: string;
  title: string;
  language: string;
  confirmAnswer: boolean;
  callAtStart: boolean;
  startsAt: Date;
  pin: string;
};
type LegLike = { id: string; direction: string; purpose: string; participant: { name: string } | null };

/** Dial-outs confirm when the meeting asks for it; a re-dial or a reminder always does (its prompt says why we call). */
export function needsConfirmation(
  meeting: Pick<MeetingLike, "confirmAnswer">,
  leg: Pick<LegLike, "direction" | "purpose">,
): boolean {
  if (leg.direction !== "outbound") return false;
  return leg.purpose === "redial" || leg.purpose === "reminder" || meeting.confirmAnswer;
}

const askKey = (callId: string, n: number) => `confirm-asked:${callId}:${n}`;
const resultKey = (callId: string) => `confirm:${callId}`;

/**
 * How a reminder tells the person to get in later: we call them at the start, or the dial-in number
 * and PIN (when the workspace has one), or nothing more.
 */
export function reminderEnding(
  meeting: Pick<MeetingLike, "callAtStart" | "pin">,
  dialInNumber: string | null | undefined,
): ReminderEnding {
  if (meeting.callAtStart) return { kind: "callAtStart" };
  if (dialInNumber) return { kind: "dialIn", number: dialInNumber, pin: meeting.pin };
  return { kind: "none" };
}

/** Whole minutes until the start as the person hears it (at least 1: "starts in 1 minute"). */
export function minutesUntil(startsAt: Date, now = Date.now()): number {
  return Math.max(1, Math.round((startsAt.getTime() - now) / 60_000));
}

/** The getDigits that asks the person to press 1 (what a re-dial or a reminder says differs). */
export function confirmPrompt(
  meeting: Pick<MeetingLike, "title" | "language" | "startsAt">,
  leg: Pick<LegLike, "purpose" | "participant">,
  ending: ReminderEnding = { kind: "none" },
): VoiceResponse {
  const p = promptsFor(meeting.language);
  const text =
    leg.purpose === "redial"
      ? p.confirmRejoin(meeting.title)
      : leg.purpose === "reminder"
        ? p.reminder(meeting.title, minutesUntil(meeting.startsAt), ending)
        : p.confirmJoin(leg.participant?.name ?? "", meeting.title);
  return voiceResponse([
    getDigits({ numDigits: 1, timeout: CONFIRM_TIMEOUT_SECONDS }, [nestedSay(text, { language: p.language })]),
  ]);
}

/**
 * One step of the confirmation for this voice callback: "join" (1 was pressed: go on to the room,
 * storing `facts` with the leg's taking of its place, in one write), or the reply to send (the prompt again, or a goodbye after 2 or after silence). Runs under the
 * meeting lock, inside the caller's transaction.
 */
export async function confirmStep(
  tx: Tx,
  workspaceId: string,
  meeting: MeetingLike,
  leg: LegLike,
  call: { callId: string; digits: string | undefined },
): Promise<{ kind: "join"; facts: RosterEvent[] } | { kind: "reply"; response: VoiceResponse }> {
  const p = promptsFor(meeting.language);
  const at = Date.now();
  const fact = (r: ConfirmResult): RosterEvent => ({
    key: resultKey(call.callId),
    kind: "confirm.result",
    result: r,
    legId: leg.id,
    at,
  });
  const result = (r: ConfirmResult) => recordRosterEvents(tx, workspaceId, meeting.id, [fact(r)]);

  if (call.digits === CONFIRM_KEY) return { kind: "join", facts: [fact("accepted")] };
  if (call.digits === DECLINE_KEY) {
    await result("declined");
    return { kind: "reply", response: apologise(p.confirmDeclined, p.language) };
  }
  // Nothing (the first callback, or a timeout's empty Digits) or another key: ask again, up to twice.
  const keys = Array.from({ length: CONFIRM_ASKS }, (_, i) => askKey(call.callId, i + 1));
  const asked = await tx.rosterEvent.count({ where: { meetingId: meeting.id, key: { in: keys } } });
  if (asked >= CONFIRM_ASKS) {
    await result("silent");
    return { kind: "reply", response: apologise(p.confirmNoResponse, p.language) };
  }
  await recordRosterEvents(tx, workspaceId, meeting.id, [
    { key: askKey(call.callId, asked + 1), kind: "confirm.asked", legId: leg.id, at },
  ]);
  const ending =
    leg.purpose === "reminder"
      ? reminderEnding(
          meeting,
          (await tx.sautikitConnection.findUnique({ where: { workspaceId }, select: { dialInNumber: true } }))
            ?.dialInNumber,
        )
      : undefined;
  return { kind: "reply", response: confirmPrompt(meeting, leg, ending) };
}
