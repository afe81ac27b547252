// GET /api/admin/spend — spend per month and per meeting (?months=12)
import { requireApiActor } from "@/lib/auth/actor";
import { parseQuery, route } from "@/lib/http/route";
import { spendQuerySchema, spendSummary } from "@/lib/spend/spend-summary";

export const dynamic = "force-dynamic";

export const GET = route(async (req) =>
  spendSummary(await requireApiActor(req, { admin: true }), parseQuery(req, spendQuerySchema)),
);
