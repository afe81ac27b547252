// POST /api/sautikit/[workspaceId]/voice/outbound — an outbound leg was answered: answer with voice actions
import { handleWebhookRequest } from "@/lib/webhooks/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return handleWebhookRequest(req, ctx.params, "voice/outbound");
}
