// GET /api/admin/limits — the workspace's meeting time limits; PUT — change them (admins, audited)
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { limitSettingsSchema } from "@/lib/shared/limit-settings-schema";
import { getLimitSettings, setLimitSettings } from "@/lib/workspaces/meeting-limits";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => getLimitSettings(await requireApiActor(req, { admin: true })));

export const PUT = route(async (req) => {
  const actor = await requireApiActor(req, { admin: true });
  return setLimitSettings(actor, await parseJson(req, limitSettingsSchema));
});
