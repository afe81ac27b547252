// POST /api/sautikit/[workspaceId]/call-events — call.* lifecycle events for the workspace's numbers: stored once, applied
import { handleWebhook } from "@/lib/webhooks/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return handleWebhook(req, ctx.params, "call-events");
}
