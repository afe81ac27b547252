// The dev runner's connect step (scripts/connect-local.ts) against the run's emulator: it fills in
// the seeded demo connection's number ids, connects a workspace that never got an emulator
// account, re-routes on every run without minting new accounts, and leaves live connections alone.
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";

const app = appFixture();
const m = app.lib;
let connectLocalWorkspaces: typeof import("@/scripts/connect-local").connectLocalWorkspaces;

beforeAll(async () => {
  ({ connectLocalWorkspaces } = await import("@/scripts/connect-local"));
});

describe("connect-local", () => {
  it("connects, fills in ids, is idempotent, and skips live connections", async () => {
    const { encryptSecret } = await import("@/lib/crypto");
    // As scripts/seed.ts leaves the demo workspace: numbers by e164 only, ids unknown. A fresh
    // account stands in for the emulator's seeded one, which other test files may be routing.
    const res = await fetch(`${app.emulatorUrl}/_emulator/workspaces`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const account = (await res.json()) as {
      api_key: string;
      signing_secret: string;
      numbers: Array<{ e164: string; role: string }>;
    };
    const e164 = (role: string) => account.numbers.find((n) => n.role === role)!.e164;
    const demo = await m.db.workspace.create({
      data: {
        name: "Demo",
        connection: {
          create: {
            apiBaseUrl: app.emulatorUrl!,
            apiKeyEnc: encryptSecret(account.api_key),
            signingSecretEnc: encryptSecret(account.signing_secret),
            dialInNumber: e164("dial_in"),
            callerIdNumber: e164("caller_id"),
            mode: "emulator",
            status: "pending",
          },
        },
      },
    });
    const orphan = await m.db.workspace.create({ data: { name: "Signed up while the emulator was down" } });
    const live = await m.db.workspace.create({
      data: {
        name: "Live",
        connection: {
          create: {
            apiBaseUrl: "https://api.sautikit.com",
            apiKeyEnc: encryptSecret("k"),
            signingSecretEnc: encryptSecret("s"),
            mode: "live",
            status: "connected",
          },
        },
      },
    });

    const first = await connectLocalWorkspaces();
    expect(first).toMatchObject({ routed: 1, created: 1, failed: [] });
    const demoConn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: demo.id } });
    expect(demoConn).toMatchObject({
      status: "connected",
      dialInNumberId: expect.any(String),
      callerIdNumberId: expect.any(String),
    });
    const orphanConn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: orphan.id } });
    expect(orphanConn).toMatchObject({ status: "connected", mode: "emulator" });

    const second = await connectLocalWorkspaces();
    expect(second).toMatchObject({ routed: 2, created: 0, failed: [] });
    expect(
      (await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: orphan.id } })).emulatorWorkspace,
    ).toBe(orphanConn.emulatorWorkspace);
    expect(await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: live.id } })).toMatchObject({
      status: "connected",
      lastCheckedAt: null,
    });
  });

  it("gives a workspace a new emulator account when the emulator no longer knows its key", async () => {
    const { encryptSecret } = await import("@/lib/crypto");
    const ws = await m.db.workspace.create({ data: { name: "Forgotten by a fresh emulator" } });
    await m.db.sautikitConnection.create({
      data: {
        workspaceId: ws.id,
        apiBaseUrl: app.emulatorUrl!,
        apiKeyEnc: encryptSecret("sk_minted_by_a_previous_emulator"),
        signingSecretEnc: encryptSecret("whsec_old_secret_0123456789"),
        mode: "emulator",
        emulatorWorkspace: "gone",
        dialInNumber: "+254709999001",
        dialInNumberId: "gone-1",
        callerIdNumber: "+254709999002",
        callerIdNumberId: "gone-2",
      },
    });
    const summary = await connectLocalWorkspaces();
    expect(summary.failed).toEqual([]);
    const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect(conn).toMatchObject({ status: "connected", mode: "emulator" });
    expect(conn.emulatorWorkspace).not.toBe("gone");
    expect(conn.dialInNumberId).not.toBe("gone-1");
  });
});
