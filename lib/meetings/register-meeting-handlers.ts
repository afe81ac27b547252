import "server-only";
import { z } from "zod";
import { registerJobHandler } from "@/lib/jobs/registry";
import { registerWebhookHandlers } from "@/lib/webhooks/handlers";
import { registerDialInHandlers } from "@/lib/dial-in/register-dial-in-handlers";
import { answerOutboundCall } from "@/lib/meetings/answer-outbound-call";
import { DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";
import { placeLegCall } from "@/lib/meetings/place-leg-call";
import { RetryLater } from "@/lib/jobs/retry-later";
import { REDIAL_JOB, redialDroppedLeg } from "@/lib/meetings/redial-after-drop";
import { applyCallEvent } from "@/lib/roster/apply-call-event";
import { applyConferenceEvent } from "@/lib/roster/apply-conference-event";

const dialJobSchema = z.object({ legId: z.string().min(1) });

/** Wires meetings into the webhook pipeline and the job worker (called from register-app-handlers). */
export function registerMeetingHandlers(): void {
  registerWebhookHandlers({
    voiceOutbound: (ctx, cb) => answerOutboundCall(ctx.workspaceId, cb),
    conferenceEvent: async (ctx, ev) => {
      await applyConferenceEvent(ctx.workspaceId, ev, ctx.eventKey);
    },
    callEvent: async (ctx, ev) => {
      await applyCallEvent(ctx.workspaceId, ev, ctx.eventKey);
    },
  });
  registerDialInHandlers();
  registerJobHandler(DIAL_LEG_JOB, async (payload) => {
    const { legId } = dialJobSchema.parse(payload);
    // Not placed yet (Sautikit down, busy or rate-limiting; or placed but not recorded): the same job
    // runs again with the same key, as often as it takes while the meeting is open (dial-retry.ts).
    const result = await placeLegCall(legId);
    if (result.retry) throw new RetryLater(`dial not finished: ${result.error?.message ?? "retrying"}`, result.retryInMs ?? 1000, { cause: result.error });
  });
  registerJobHandler(REDIAL_JOB, async (payload) => {
    await redialDroppedLeg(dialJobSchema.parse(payload).legId);
  });
}
