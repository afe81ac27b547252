import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit, recordChange } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { assertAdmin } from "@/lib/workspaces/assert-admin";
import { deleteAtSautikit } from "@/lib/recordings/delete-recording";
import { retentionInputSchema, type RetentionInput, type RetentionResult } from "@/lib/shared/api-schemas";

// Retention: recordings older than the workspace's setting are deleted through Sautikit by a daily
// sweep job. The sweep reschedules itself for the next day (one job per day, by unique key), and
// saving a retention setting starts the chain, so no start-up hook is needed.

export const RETENTION_SWEEP_JOB = "recordings.retention-sweep";
const DAY_MS = 86_400_000;
const SWEEP_BATCH = 200;

export async function getRetention(actor: Actor): Promise<number | null> {
  const ws = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: { retentionDays: true },
  });
  return ws.retentionDays;
}

export async function setRetention(actor: Actor, input: RetentionInput): Promise<RetentionResult> {
  assertAdmin(actor);
  const { retentionDays } = retentionInputSchema.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: actor.workspaceId },
      select: { retentionDays: true },
    });
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { retentionDays } });
    await recordChange(
      actor,
      {
        action: "recordings.retention_changed",
        target: actor.workspaceId,
        from: before.retentionDays,
        to: retentionDays,
      },
      tx,
    );
  });
  // Sweep now (a shortened retention applies at once), then daily from there.
  if (retentionDays !== null) await enqueueJob({ kind: RETENTION_SWEEP_JOB, payload: { reason: "setting" } });
  return { retentionDays };
}

export type SweepResult = { deleted: number; failed: number };

/** Deletes every expired recording of every workspace with a retention setting. Idempotent. */
export async function sweepExpiredRecordings(now: Date = new Date()): Promise<SweepResult> {
  const workspaces = await db.workspace.findMany({
    where: { retentionDays: { not: null } },
    select: { id: true, retentionDays: true },
  });
  let deleted = 0;
  let failed = 0;
  for (const ws of workspaces) {
    const cutoff = new Date(now.getTime() - ws.retentionDays! * DAY_MS);
    const expired = await db.recording.findMany({
      where: { workspaceId: ws.id, deletedAt: null, createdAt: { lt: cutoff } },
      orderBy: { createdAt: "asc" },
      take: SWEEP_BATCH,
      select: { id: true, callId: true, meetingId: true },
    });
    for (const rec of expired) {
      try {
        const outcome = await deleteAtSautikit(ws.id, rec.callId);
        await db.$transaction(async (tx) => {
          const marked = await tx.recording.updateMany({
            where: { id: rec.id, deletedAt: null },
            data: { deletedAt: now },
          });
          if (marked.count === 0) return;
          await recordAudit(
            {
              workspaceId: ws.id,
              actorId: null,
              action: "recording.deleted_by_retention",
              target: rec.id,
              details: {
                meetingId: rec.meetingId,
                retentionDays: ws.retentionDays,
                deletedAtSautikit: outcome.deletedAtSautikit,
              },
            },
            tx,
          );
          deleted += 1;
        });
      } catch (err) {
        failed += 1;
        log.warn({ err, workspaceId: ws.id, recordingId: rec.id }, "retention sweep could not delete a recording");
      }
    }
  }
  return { deleted, failed };
}

/** The job: sweep, schedule tomorrow's sweep while any workspace keeps a retention, retry on failures. */
export async function runRetentionSweepJob(now: Date = new Date()): Promise<SweepResult> {
  const result = await sweepExpiredRecordings(now);
  const anyRetention = await db.workspace.count({ where: { retentionDays: { not: null } } });
  if (anyRetention > 0) {
    const next = new Date(now.getTime() + DAY_MS);
    await enqueueJob({
      kind: RETENTION_SWEEP_JOB,
      payload: { reason: "daily" },
      runAt: next,
      uniqueKey: `${RETENTION_SWEEP_JOB}:${next.toISOString().slice(0, 10)}`,
    });
  }
  log.info(result, "retention sweep done");
  // Sautikit being down must not wait a whole day: the job is retried with backoff.
  if (result.failed > 0) throw new Error(`${result.failed} expired recording(s) could not be deleted yet`);
  return result;
}
