import "server-only";
import { z } from "zod";
import { EMPTY_ROOM_JOB, runEmptyRoomJob } from "@/lib/call-control/empty-room-guard";
import { HARD_STOP_JOB, runHardStopJob } from "@/lib/call-control/hard-stop-job";
import { HANGUP_CALL_JOB, hangupCallJob } from "@/lib/dial-in/end-meeting-from-keypad";
import { DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";
import { placeLegCall } from "@/lib/meetings/place-leg-call";
import { REDIAL_JOB, redialDroppedLeg } from "@/lib/meetings/redial-after-drop";
import { runCallAtStart } from "@/lib/meetings/call-at-start";
import { CALL_AT_START_JOB, REMINDERS_JOB } from "@/lib/meetings/occurrence-jobs";
import { runSendReminders } from "@/lib/meetings/send-reminders";
import { RECONCILE_JOB, runReconcileJob } from "@/lib/reconcile/reconcile-job";
import { RETENTION_SWEEP_JOB, runRetentionSweepJob } from "@/lib/recordings/retention";
import { ROUTING_CHECK_JOB, runRoutingCheckJob } from "@/lib/sautikit/routing-check-job";
import { RetryLater } from "@/lib/jobs/retry-later";
import { PRUNE_WEBHOOK_LOG_JOB, runWebhookPruneJob } from "@/lib/webhooks/prune-webhook-log";

// Every job kind and the function that runs it: the one place to look. A runner must be
// idempotent: a job runs at least once (a crash after the work but before the row is marked done
// runs it again after its lease expires). Enqueue with lib/jobs/enqueue-job.ts.

export type JobContext = {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  /** The worker's clock when the job was claimed (a test's fake clock lets a deadline pass without waiting). */
  now: number;
};
export type JobRunner = (payload: unknown, ctx: JobContext) => Promise<void>;
export type JobRunners = Readonly<Record<string, JobRunner>>;

const dialLegPayload = z.object({ legId: z.string().min(1) });

export const jobRunners: JobRunners = {
  /** Call everyone / re-dial: place one leg's call (lib/meetings/call-everyone.ts paces them). */
  [DIAL_LEG_JOB]: async (payload) => {
    const { legId } = dialLegPayload.parse(payload);
    // Not placed yet (Sautikit down, busy or rate-limiting; or placed but not recorded): the same job
    // runs again with the same key, as often as it takes while the meeting is open (dial-retry.ts).
    const result = await placeLegCall(legId);
    if (result.retry)
      throw new RetryLater(`dial not finished: ${result.error?.message ?? "retrying"}`, result.retryInMs ?? 1000, {
        cause: result.error,
      });
  },
  /** A leg the network dropped: call the person back (lib/meetings/redial-after-drop.ts). */
  [REDIAL_JOB]: async (payload) => {
    await redialDroppedLeg(dialLegPayload.parse(payload).legId);
  },
  /** "Call everyone at the start": one per occurrence, due at its start (lib/meetings/call-at-start.ts). */
  [CALL_AT_START_JOB]: async (payload) => {
    await runCallAtStart(payload);
  },
  /** Voice reminders N minutes before an occurrence (lib/meetings/send-reminders.ts). */
  [REMINDERS_JOB]: async (payload) => {
    await runSendReminders(payload);
  },
  /** A host ended the meeting from the keypad: hang up one remaining call after the goodbye. */
  [HANGUP_CALL_JOB]: (payload) => hangupCallJob(payload),
  /** A meeting's hard stop: ends it for everyone once the stop (moved by extensions) has passed. */
  [HARD_STOP_JOB]: (payload, ctx) => runHardStopJob(payload, ctx.now),
  /** The empty-room guard: hangs up a caller left alone in the room for 5 minutes. */
  [EMPTY_ROOM_JOB]: (payload, ctx) => runEmptyRoomJob(payload, ctx.now),
  /** Compare live legs with Sautikit's call records (missed webhooks); chains itself. */
  [RECONCILE_JOB]: () => runReconcileJob(),
  /** Delete recordings past the workspace's retention. */
  [RETENTION_SWEEP_JOB]: async () => {
    await runRetentionSweepJob();
  },
  /** Every 10 minutes: each connected workspace's number routing read back from Sautikit; chains itself. */
  [ROUTING_CHECK_JOB]: () => runRoutingCheckJob(),
  /** Daily prune of the webhook delivery log and event store; chains itself. */
  [PRUNE_WEBHOOK_LOG_JOB]: () => runWebhookPruneJob(),
};
