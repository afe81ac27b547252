// POST /api/sautikit/[workspaceId]/conference/digits — in-room phone keys from any caller: stored once, applied
import { handleWebhook } from "@/lib/webhooks/handle-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  return handleWebhook(req, ctx.params, "conference/digits");
}
