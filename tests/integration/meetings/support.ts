// Shared set-up for meetings integration tests: a workspace, an organiser and a Sautikit
// connection row, plus signed webhook delivery to the app's real routes.
import { createHmac, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";

type Db = typeof import("@/lib/db").db;

export async function createWorkspace(db: Db, opts: { secret?: string } = {}) {
  const { encryptSecret } = await import("@/lib/crypto");
  const user = await db.user.create({
    data: { email: `org-${randomUUID()}@example.test`, name: "Organiser", passwordHash: "x" },
  });
  const workspace = await db.workspace.create({ data: { name: "Test workspace" } });
  await db.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: "admin" } });
  const secret = opts.secret ?? `whsec_${randomUUID()}`;
  await db.sautikitConnection.create({
    data: {
      workspaceId: workspace.id,
      apiBaseUrl: "http://127.0.0.1:9",
      apiKeyEnc: encryptSecret("sk_unused"),
      signingSecretEnc: encryptSecret(secret),
      dialInNumber: "+254709000100",
      callerIdNumber: "+254709000200",
    },
  });
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    role: "admin",
  };
  return { actor, secret, workspaceId: workspace.id };
}

export function actorFor(userId: string, workspaceId: string): Actor {
  return { userId, email: "o@example.test", name: "Organiser", workspaceId, workspaceName: "W", role: "admin" };
}

export function sign(body: string, secret: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${body}.${t}`).digest("hex")}`;
}

export async function postSigned(url: string, body: string, contentType: string, secret: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-sautikit-signature": sign(body, secret),
      "user-agent": "Sautikit-Webhooks/1",
    },
    body,
  });
}

export function meetingInput(overrides: Record<string, unknown> = {}) {
  return {
    title: "Weekly sync",
    agenda: "",
    startsAt: new Date(Date.now() + 3600_000).toISOString(),
    durationMinutes: 30,
    capacity: 10,
    ...overrides,
  };
}
