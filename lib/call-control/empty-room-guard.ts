import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { aloneInRoom } from "@/lib/call-control/arm-empty-room-guard";
import { RetryLater } from "@/lib/jobs/retry-later";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { ALONE_LIMIT_MS } from "@/lib/shared/meeting-limits";

export { EMPTY_ROOM_JOB } from "@/lib/call-control/arm-empty-room-guard";
const payloadSchema = z.object({
  workspaceId: z.string().min(1),
  meetingId: z.string().min(1),
  legId: z.string().min(1),
});

/** The job: hang up the lone leg if it is still alone and has been for the whole limit. */
export async function runEmptyRoomJob(payload: unknown, now: number): Promise<void> {
  const { workspaceId, meetingId, legId } = payloadSchema.parse(payload);
  const alone = await aloneInRoom(db, meetingId);
  // Someone else came (or this caller left): nothing to do; a new stretch arms its own job.
  if (!alone || alone.legId !== legId || !alone.callId) return;
  if (now < alone.since + ALONE_LIMIT_MS)
    throw new RetryLater("not alone long enough yet", alone.since + ALONE_LIMIT_MS - now);
  // A meeting that has ended (its hard stop, the organiser) is hanging everyone up already: the
  // last caller "alone" in it is leaving because the meeting ended, not because they were alone.
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, workspaceId, status: { notIn: ["ended", "cancelled"] } },
    select: { id: true },
  });
  if (!meeting) return;
  // The marker first, so however the call ends, the roster says why. Stored once: a second job for
  // the same stretch (or a retry) only repeats the hangup, which Sautikit takes as a no-op.
  const first = await db.$transaction((tx) =>
    recordRosterEvents(tx, workspaceId, meetingId, [
      { key: `alone:${legId}`, kind: "control.alone", legId, at: Date.now() },
    ]),
  );
  if (first) {
    notifyRosterChanged(meetingId);
    await db.auditLog.create({
      data: {
        workspaceId,
        actorId: null,
        action: "participant.hung_up_alone",
        target: legId,
        details: { meetingId, aloneSince: new Date(alone.since).toISOString() },
      },
    });
  }
  const client = await getSautikitClient(workspaceId);
  await client.calls.hangup(alone.callId);
  log.info({ meetingId, legId }, "empty-room guard: hung up a caller left alone");
}
