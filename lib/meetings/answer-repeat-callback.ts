import "server-only";
import { sqlRows } from "@/lib/db";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { VoiceCallback } from "@/lib/webhooks/payloads";
import { apologise, type MeetingForRoom, PLACE_HOLDING_STATES, roomActions } from "@/lib/meetings/room-actions";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";

type Row = MeetingForRoom & {
  state: string;
  name: string | null;
  role: string | null;
  /** The leg's `answered:<callId>` fact exists: it took its place (capacity checked) earlier. */
  placed: boolean;
};

const REPEAT_SQL = `
  SELECT l.state, p.name, p.role,
    EXISTS (SELECT 1 FROM "RosterEvent" r WHERE r."meetingId" = m.id AND r.key = $3) AS placed,
    m.id, m."workspaceId", m.title, m."roomName", m.language, m."waitForHost", m."endOnHostExit",
    m.beep, m.record, m.capacity, m.status, m."startedAt", m.moderation
  FROM "Leg" l
  JOIN "Meeting" m ON m.id = l."meetingId"
  LEFT JOIN "Participant" p ON p.id = l."participantId"
  WHERE l."workspaceId" = $1 AND l."callId" = $2 AND m."workspaceId" = $1`;

const HOLDING_A_PLACE = new Set<string>(PLACE_HOLDING_STATES);

/**
 * A voice callback that changes nothing, answered from ONE read and without the meeting lock:
 * Sautikit repeats the callback for a leg already in its place (a retry after a slow answer, a
 * re-fetch of instructions), the meeting is over, or the leg has left. Undefined means the call
 * may take a place, which only the locked path in answer-outbound-call.ts may decide (capacity).
 */
export async function answerRepeatCallback(workspaceId: string, cb: VoiceCallback): Promise<VoiceResponse | undefined> {
  if (!cb.callId) return undefined;
  const answeredKey = `answered:${cb.callId}`;
  // One statement rather than Prisma's include (a query per relation), run on the adapter's own
  // connections without Prisma's query pipeline: this is the hot path (ADR "hot-path speed").
  const rows = await sqlRows<Row>(REPEAT_SQL, [workspaceId, cb.callId, answeredKey]);
  const row = rows[0];
  if (!row) return undefined;
  const p = promptsFor(row.language);
  if (row.status === "ended" || row.status === "cancelled") return apologise(p.meetingEnded, p.language);
  if (row.state === "left" || row.name === null) return apologise(p.goodbye, p.language);
  if (!row.placed || !HOLDING_A_PLACE.has(row.state)) return undefined;
  return roomActions(row, { name: row.name, role: row.role as ParticipantRole });
}
