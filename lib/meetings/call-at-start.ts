import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { queueDialsForEveryone } from "@/lib/meetings/call-everyone";
import { auditSkippedOccurrence, loadOccurrence } from "@/lib/meetings/occurrence-jobs";
import { lockMeeting } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";

// "Call everyone at the start": at the scheduled start the job (lib/meetings/occurrence-jobs.ts)
// dials everyone not already in, exactly as the Call everyone button does (same pace, hosts
// first). Never twice for one occurrence: the job's key is unique per meeting and start, and the
// run itself stores a fact under the meeting lock, so a job run again after a crash, or by a second
// instance after a lease ran out, finds it and does nothing.

export const calledAtStartKey = (startsAt: Date) => `called-at-start:${startsAt.toISOString()}`;

export async function runCallAtStart(payload: unknown): Promise<{ queued: number } | { skipped: string }> {
  const found = await loadOccurrence(payload, "callAtStart");
  if (!found.ok) {
    await auditSkippedOccurrence(found.meeting, "meeting.call_at_start_skipped", found.why);
    return { skipped: found.why };
  }
  const m = found.meeting;
  const queued = await db.$transaction(async (tx) => {
    await lockMeeting(tx, m.id);
    const key = calledAtStartKey(m.startsAt);
    const done = await tx.rosterEvent.findUnique({ where: { meetingId_key: { meetingId: m.id, key } } });
    if (done) return null;
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
    await recordAudit(
      {
        workspaceId: m.workspaceId,
        actorId: null,
        action: "meeting.called_at_start",
        target: m.id,
        details: { queued: n },
      },
      tx,
    );
    return n;
  });
  if (queued === null) return { skipped: "already called at this start" };
  if (queued > 0) {
    jobsEnqueued();
    notifyRosterChanged(m.id);
  }
  return { queued };
}
