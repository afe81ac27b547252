// GET /api/admin/calls — the app's legs reconciled with Sautikit's call records (?days=7&onlyMismatches=1)
import { requireApiActor } from "@/lib/auth/actor";
import { parseQuery, route } from "@/lib/http/route";
import { callLogQuerySchema, reconcileCalls } from "@/lib/reconcile/reconcile-calls";

export const dynamic = "force-dynamic";

export const GET = route(async (req) =>
  reconcileCalls(await requireApiActor(req, { admin: true }), parseQuery(req, callLogQuerySchema)),
);
