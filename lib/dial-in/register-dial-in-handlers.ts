import "server-only";
import { registerJobHandler } from "@/lib/jobs/registry";
import { registerWebhookHandlers } from "@/lib/webhooks/handlers";
import { answerInboundCall } from "@/lib/dial-in/answer-inbound-call";
import { applyHostKeypad } from "@/lib/dial-in/apply-host-keypad";
import { HANGUP_CALL_JOB, hangupCallJob } from "@/lib/dial-in/end-meeting-from-keypad";

/** Wires dial-in into the webhook pipeline (inbound calls, host keypad) and the job worker. */
export function registerDialInHandlers(): void {
  registerWebhookHandlers({
    voiceInbound: (ctx, cb) => answerInboundCall(ctx.workspaceId, cb),
    conferenceDigits: (ctx, d) => applyHostKeypad(ctx.workspaceId, d),
  });
  registerJobHandler(HANGUP_CALL_JOB, (payload) => hangupCallJob(payload));
}
