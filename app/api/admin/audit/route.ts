// GET /api/admin/audit — the audit log of sensitive actions (?action=recording.&before=)
import { requireApiActor } from "@/lib/auth/actor";
import { auditQuerySchema, listAuditLog } from "@/lib/audit/list-audit-log";
import { parseQuery, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (req) =>
  listAuditLog(await requireApiActor(req, { admin: true }), parseQuery(req, auditQuerySchema)),
);
