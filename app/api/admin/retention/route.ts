// GET /api/admin/retention — the recordings retention (days, null = forever); PUT — change it (admins, audited)
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { getRetention, setRetention } from "@/lib/recordings/retention";
import { retentionInputSchema } from "@/lib/shared/api-schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => ({
  retentionDays: await getRetention(await requireApiActor(req, { admin: true })),
}));

export const PUT = route(async (req) => {
  const actor = await requireApiActor(req, { admin: true });
  return setRetention(actor, await parseJson(req, retentionInputSchema));
});
