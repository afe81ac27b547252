// GET /api/admin/webhooks — recent webhook deliveries with their verdicts (?verdict=&route=&kind=&eventId=&before=)
import { requireApiActor } from "@/lib/auth/actor";
import { listWebhookDeliveries, webhookLogQuerySchema } from "@/lib/audit/list-webhook-deliveries";
import { parseQuery, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (req) =>
  listWebhookDeliveries(await requireApiActor(req, { admin: true }), parseQuery(req, webhookLogQuerySchema)),
);
