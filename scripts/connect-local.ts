// Local mode connect step, run by `npm run dev` / `npm start` after seeding and before Next opens
// the database: routes every emulator-connected workspace's numbers to this app (idempotent),
// fills in the seeded demo connection's number ids, and connects workspaces that never got an
// emulator account (signed up while the emulator was down) or whose account the emulator lost.
// Needs `node --conditions=react-server --import tsx` (server-only modules).
import { pathToFileURL } from "node:url";
import { db, disconnectDb } from "@/lib/db";
import { env, isLocalMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { connectEmulatorWorkspace } from "@/lib/sautikit/connect-emulator-workspace";
import { routeWorkspaceNumbers } from "@/lib/sautikit/connect-workspace";
import { sautikitCodeOf } from "@/lib/sautikit/map-error";

export type ConnectSummary = { routed: number; created: number; failed: Array<{ workspaceId: string; error: string }> };

export async function connectLocalWorkspaces(): Promise<ConnectSummary> {
  const summary: ConnectSummary = { routed: 0, created: 0, failed: [] };
  if (!isLocalMode()) return summary;
  const workspaces = await db.workspace.findMany({
    select: { id: true, name: true, connection: { select: { mode: true, emulatorWorkspace: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const ws of workspaces) {
    try {
      if (!ws.connection) {
        await connectEmulatorWorkspace(ws.id);
        summary.created++;
      } else if (ws.connection.mode === "emulator") {
        await routeOrRecreate(ws.id, ws.connection.emulatorWorkspace);
        summary.routed++;
      }
      // A workspace switched to real Sautikit ("live") is left alone: its admin manages it.
    } catch (err) {
      summary.failed.push({ workspaceId: ws.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return summary;
}

async function routeOrRecreate(workspaceId: string, emulatorWorkspace: string | null): Promise<void> {
  try {
    await routeWorkspaceNumbers(workspaceId);
  } catch (err) {
    // An emulator started with a fresh state no longer knows a sign-up's minted key. Mint a new
    // account for it; the seeded demo account (no emulatorWorkspace) always exists, so never that.
    const keyUnknown = err instanceof AppError && sautikitCodeOf(err) === "api_key.invalid";
    if (!keyUnknown || !emulatorWorkspace) throw err;
    await db.sautikitConnection.delete({ where: { workspaceId } });
    await connectEmulatorWorkspace(workspaceId);
  }
}

async function main(): Promise<void> {
  if (!isLocalMode()) {
    console.log(`not in local mode (SAUTIKIT_API_URL=${env().SAUTIKIT_API_URL}); nothing to connect`);
    return;
  }
  try {
    const s = await connectLocalWorkspaces();
    console.log(
      `connected to the emulator at ${env().SAUTIKIT_API_URL}: ${s.routed} re-routed, ${s.created} newly connected`,
    );
    for (const f of s.failed) console.warn(`warning: workspace ${f.workspaceId} is not connected: ${f.error}`);
  } finally {
    await disconnectDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error("connect step failed:", err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
