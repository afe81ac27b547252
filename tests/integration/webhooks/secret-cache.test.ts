// The signing secret is cached per workspace (ADR 0003, "Group commit"), but never in a way that
// keeps a changed secret working in this process, and a secret rotated by another instance is
// picked up by the first request signed with the new one, or by any request once the TTL is over.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signPayload } from "@/lib/sautikit/contract/signature";
import { appFixture } from "../support/app-fixture";

const app = appFixture();
const m = app.lib;
let encryptSecret: typeof import("@/lib/crypto").encryptSecret;
let SECRET_TTL_MS: number;
let workspaceId: string;

beforeAll(async () => {
  ({ encryptSecret } = await import("@/lib/crypto"));
  ({ SECRET_TTL_MS } = await import("@/lib/sautikit/connection"));
  const ws = await m.db.workspace.create({
    data: {
      name: "Secrets",
      connection: {
        create: {
          apiBaseUrl: "http://127.0.0.1:9",
          apiKeyEnc: encryptSecret("sk_x"),
          signingSecretEnc: encryptSecret("whsec_first"),
          mode: "live",
        },
      },
    },
  });
  workspaceId = ws.id;
});

async function post(secret: string): Promise<number> {
  const body = JSON.stringify({
    kind: "call.ringing",
    event_id: `ev-${randomUUID()}`,
    occurred_at: new Date().toISOString(),
    data: { call_id: `call-${randomUUID()}` },
  });
  const res = await fetch(`${app.url}/api/sautikit/${workspaceId}/call-events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sautikit-signature": await signPayload(secret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

describe("signing secret cache", () => {
  it("a secret changed in this process stops working at once; the new one works at once", async () => {
    expect(await post("whsec_first")).toBe(200); // now cached
    await m.db.sautikitConnection.update({
      where: { workspaceId },
      data: { signingSecretEnc: encryptSecret("whsec_second") },
    });
    expect(await post("whsec_first")).toBe(401);
    expect(await post("whsec_second")).toBe(200);
  });

  it("a secret rotated by another instance (not through this process) is re-read on the first mismatch", async () => {
    expect(await post("whsec_second")).toBe(200);
    // Another instance's write: raw SQL, so this process's client never sees it.
    await m.db
      .$executeRaw`UPDATE "SautikitConnection" SET "signingSecretEnc" = ${encryptSecret("whsec_third")} WHERE "workspaceId" = ${workspaceId}`;
    // Re-reads are rate-limited (a forged flood must stay cheap): once the cached copy is a second old
    // (the route runs in this process, so a faked Date moves its clock on)…
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    try {
      vi.setSystemTime(Date.now() + 1_100);
      expect(await post("whsec_third")).toBe(200);
      // …and from then on the new secret is the cached one.
      expect(await post("whsec_second")).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a cached secret is answered without a read only within its TTL; after it, the database decides", async () => {
    expect(await post("whsec_third")).toBe(200); // cached now
    // Another instance rotates the secret: this process's cache does not hear of it…
    await m.db
      .$executeRaw`UPDATE "SautikitConnection" SET "signingSecretEnc" = ${encryptSecret("whsec_fourth")} WHERE "workspaceId" = ${workspaceId}`;
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    try {
      // …so within the TTL the old secret is still the cached one (the cache hit reads nothing)…
      expect(await post("whsec_third")).toBe(200);
      // …and once the TTL has passed the secret is read again: the old one is refused without any
      // request having been signed with the new one first.
      vi.setSystemTime(Date.now() + SECRET_TTL_MS + 5_000);
      expect(await post("whsec_third")).toBe(401);
      expect(await post("whsec_fourth")).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a workspace disconnected in this process is unknown at once", async () => {
    expect(await post("whsec_fourth")).toBe(200);
    await m.db.sautikitConnection.delete({ where: { workspaceId } });
    expect(await post("whsec_fourth")).toBe(404);
  });
});
