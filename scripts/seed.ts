// npm run db:seed — a demo workspace for local mode. Idempotent: does nothing once any user exists.
// Needs `node --conditions=react-server` (server-only modules); the runner's seed step sets it.
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto";
import { db, disconnectDb } from "@/lib/db";
import { env, isLocalMode } from "@/lib/env";

export const DEMO_WORKSPACE_NAME = "Demo workspace";
// The emulator's seeded account numbers (emulator/config.ts defaults).
export const DEMO_DIAL_IN = "+254709000100";
export const DEMO_CALLER_ID = "+254709000200";

const demoUsers = [
  { role: "admin", name: "Demo Admin", email: "admin@demo.mkutano.local", password: "mkutano-admin-1" },
  { role: "organiser", name: "Demo Organiser", email: "organiser@demo.mkutano.local", password: "mkutano-organiser-1" },
] as const;

/** Printed by the dev runner's banner; empty outside local mode, where no demo accounts exist. */
export const DEMO_CREDENTIALS: { role: string; email: string; password: string }[] = isLocalMode()
  ? demoUsers.map(({ role, email, password }) => ({ role, email, password }))
  : [];

export type SeedResult = { seeded: false; reason: string } | { seeded: true; workspaceId: string };

export async function seedIfEmpty(): Promise<SeedResult> {
  // Known passwords must never exist on a deployment that talks to real Sautikit.
  if (!isLocalMode()) return { seeded: false, reason: "not in local mode (SAUTIKIT_API_URL is not the emulator)" };
  if ((await db.user.count()) > 0) return { seeded: false, reason: "the database already has users" };

  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  const workspace = await db.workspace.create({
    data: {
      name: DEMO_WORKSPACE_NAME,
      memberships: {
        create: demoUsers.map((u, i) => ({
          role: u.role,
          user: { create: { name: u.name, email: u.email, passwordHash: hashes[i]! } },
        })),
      },
      connection: {
        create: {
          apiBaseUrl: env().SAUTIKIT_API_URL.replace(/\/+$/, ""),
          apiKeyEnc: encryptSecret(env().SAUTIKIT_API_KEY),
          signingSecretEnc: encryptSecret(env().SAUTIKIT_WEBHOOK_SECRET),
          dialInNumber: DEMO_DIAL_IN,
          callerIdNumber: DEMO_CALLER_ID,
          mode: "emulator",
          // The connect step looks up the number ids and routes them, then marks it connected.
          status: "pending",
        },
      },
    },
    select: { id: true },
  });
  await db.auditLog.create({ data: { workspaceId: workspace.id, action: "workspace.seeded" } });
  return { seeded: true, workspaceId: workspace.id };
}

async function main(): Promise<void> {
  try {
    const result = await seedIfEmpty();
    if (!result.seeded) {
      console.log(`seed: nothing to do (${result.reason})`);
      return;
    }
    console.log(`seed: created "${DEMO_WORKSPACE_NAME}" (${result.workspaceId}). Sign in with:`);
    for (const c of DEMO_CREDENTIALS) console.log(`  ${c.role.padEnd(9)} ${c.email} / ${c.password}`);
  } finally {
    await disconnectDb();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
