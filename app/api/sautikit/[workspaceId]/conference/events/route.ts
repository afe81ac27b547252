// POST /api/sautikit/[workspaceId]/conference/events — conference status events: stored once, applied to the roster
import { handleWebhookRequest } from "@/lib/webhooks/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return handleWebhookRequest(req, ctx.params, "conference/events");
}
