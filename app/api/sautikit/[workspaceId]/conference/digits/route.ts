// POST /api/sautikit/[workspaceId]/conference/digits — in-room phone keys from any caller: stored once, applied
import { handleWebhookRequest } from "@/lib/webhooks/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return handleWebhookRequest(req, ctx.params, "conference/digits");
}
