// POST /api/sautikit/[workspaceId]/call-events — call.* lifecycle events for the workspace's numbers: stored once, applied
import { handleWebhookRequest } from "@/lib/webhooks/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return handleWebhookRequest(req, ctx.params, "call-events");
}
