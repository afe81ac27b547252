import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { auditSkippedOccurrence, loadOccurrence, type Occurrence } from "@/lib/meetings/occurrence-jobs";
import { lockMeeting } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";

// What "call everyone at the start" and the voice reminders do around their own calls (a module of
// its own: lib/meetings/occurrence-jobs.ts is imported by the roster's side, which this imports).

/** The audit actions of each occurrence job: a run skipped for a reason, a run done. */
const AUDIT_ACTIONS = {
  callAtStart: { skipped: "meeting.call_at_start_skipped", done: "meeting.called_at_start" },
  reminders: { skipped: "meeting.reminders_skipped", done: "meeting.reminders_sent" },
} as const;

/**
 * One run of an occurrence job: load the occurrence (a skip it should report is audited); under
 * the meeting lock `queue` its calls and audit the run; after the commit wake the
 * dial worker and the live roster if any call was queued. `queue` answers `skipped` instead when it
 * finds this occurrence already handled.
 */
export async function runOccurrenceJob(
  raw: unknown,
  option: keyof typeof AUDIT_ACTIONS,
  queue: (
    tx: Prisma.TransactionClient,
    meeting: Occurrence,
  ) => Promise<{ queued: number; details: Prisma.InputJsonValue } | { skipped: string }>,
): Promise<{ queued: number } | { skipped: string }> {
  const job = AUDIT_ACTIONS[option];
  const found = await loadOccurrence(raw, option);
  if (!found.ok) {
    await auditSkippedOccurrence(found.meeting, job.skipped, found.why);
    return { skipped: found.why };
  }
  const m = found.meeting;
  const run = await db.$transaction(async (tx) => {
    await lockMeeting(tx, m.id);
    const run = await queue(tx, m);
    if ("skipped" in run) return run;
    const audit = { workspaceId: m.workspaceId, actorId: null, action: job.done, target: m.id, details: run.details };
    await recordAudit(audit, tx);
    return run;
  });
  if ("skipped" in run) return run;
  const { queued } = run;
  if (queued > 0) {
    jobsEnqueued();
    notifyRosterChanged(m.id);
  }
  return { queued };
}
