import "server-only";
import { queueDialsForEveryone } from "@/lib/meetings/call-everyone";
import { runOccurrenceJob } from "@/lib/meetings/run-occurrence-job";

// "Call everyone at the start": at the scheduled start the job (lib/meetings/occurrence-jobs.ts)
// dials everyone not already in, exactly as the Call everyone button does (same pace, hosts
// first). Never twice for one occurrence: the job's key is unique per meeting and start, and the
// run itself stores a fact under the meeting lock, so a job run again after a crash, or by a second
// instance after a lease ran out, finds it and does nothing.

export const calledAtStartKey = (startsAt: Date) => `called-at-start:${startsAt.toISOString()}`;

export async function runCallAtStart(payload: unknown): Promise<{ queued: number } | { skipped: string }> {
  return runOccurrenceJob(payload, "callAtStart", async (tx, m) => {
    const key = calledAtStartKey(m.startsAt);
    const done = await tx.rosterEvent.findUnique({ where: { meetingId_key: { meetingId: m.id, key } } });
    if (done) return { skipped: "already called at this start" };
    const n = await queueDialsForEveryone(tx, m.workspaceId, m.id);
    // A marker only (the roster fold ignores this kind).
    await tx.rosterEvent.create({
      data: {
        workspaceId: m.workspaceId,
        meetingId: m.id,
        key,
        kind: "call-at-start",
        at: new Date(),
        data: { queued: n },
      },
    });
    return { queued: n, details: { queued: n } };
  });
}
