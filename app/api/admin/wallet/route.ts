// GET /api/admin/wallet — the workspace's Sautikit wallet balance and low-balance flag
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { getWallet } from "@/lib/spend/get-wallet";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => ({
  wallet: await getWallet((await requireApiActor(req, { admin: true })).workspaceId),
}));
