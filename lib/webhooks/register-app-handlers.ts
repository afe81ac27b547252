import "server-only";
import { registerMeetingHandlers } from "@/lib/meetings/register-meeting-handlers";
import { registerRecordingHandlers } from "@/lib/recordings/register-recording-handlers";
import { registerWebhookJobs } from "@/lib/webhooks/prune-webhook-log";
import { registerReconcileJobs } from "@/lib/reconcile/reconcile-job";
import { registerRoutingCheckJobs } from "@/lib/sautikit/routing-check-job";

// The one place the app's webhook and job handlers are wired in, called before the first webhook
// is handled and when the job worker starts. Feature modules export a `register…()` function and
// it is called here, so nothing depends on import side effects or import order.

let done = false;

export function registerAppHandlers(): void {
  if (done) return;
  done = true;
  registerMeetingHandlers();
  registerRecordingHandlers();
  registerWebhookJobs();
  registerReconcileJobs();
  registerRoutingCheckJobs();
}
