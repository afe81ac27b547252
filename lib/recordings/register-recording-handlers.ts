import "server-only";
import { registerJobHandler } from "@/lib/jobs/registry";
import { registerWebhookHandlers, webhookHandlers, type CallEventHandler } from "@/lib/webhooks/handlers";
import { captureRecording } from "@/lib/recordings/capture-recording";
import { RETENTION_SWEEP_JOB, runRetentionSweepJob } from "@/lib/recordings/retention";

const WRAPPED = Symbol.for("mkutano.recordings.callEvent");
type Marked = CallEventHandler & { [WRAPPED]?: true };

/**
 * Adds `call.recording.ready` to the call-events handler and registers the retention sweep job.
 * The registry holds one call-event handler, so the one already registered (meetings) is kept and
 * called for every other kind. Call after registerMeetingHandlers (register-app-handlers.ts).
 */
export function registerRecordingHandlers(): void {
  const previous = webhookHandlers().callEvent as Marked | undefined;
  if (!previous?.[WRAPPED]) {
    const handler: Marked = async (ctx, ev) => {
      if (ev.kind !== "call.recording.ready") return previous?.(ctx, ev);
      await captureRecording({
        workspaceId: ctx.workspaceId,
        callId: ev.data.callId,
        clientRequestId: ev.data.clientRequestId,
        durationSeconds: ev.data.durationSeconds,
        sizeBytes: ev.data.sizeBytes,
        source: "call.recording.ready",
      });
    };
    handler[WRAPPED] = true;
    registerWebhookHandlers({ callEvent: handler });
  }
  registerJobHandler(RETENTION_SWEEP_JOB, async () => {
    await runRetentionSweepJob();
  });
}
