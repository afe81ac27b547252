// Settings → Sautikit domain operations against the run's emulator and a real database: admins
// only, a bad key or a foreign number changes nothing, keys are stored encrypted, and choosing
// numbers routes both of them to this workspace.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { type AppError, toErrorResponse } from "@/lib/errors";
import { appFixture } from "../support/app-fixture";

type Account = { workspace_id: string; api_key: string; numbers: Array<{ id: string; e164: string; role: string }> };

const app = appFixture();
const lib = app.lib;
let m: typeof import("@/lib/sautikit/manage-connection");
let overview: typeof import("@/lib/sautikit/connection-overview").getConnectionOverview;
let admin: Actor;
let organiser: Actor;

beforeAll(async () => {
  if (!app.emulatorUrl) throw new Error("this test needs the integration emulator");
  m = await import("@/lib/sautikit/manage-connection");
  ({ getConnectionOverview: overview } = await import("@/lib/sautikit/connection-overview"));
  const ws = await lib.db.workspace.create({ data: { name: "Settings test" } });
  const who = { userId: "u1", email: "a@x.test", name: "A", workspaceId: ws.id, workspaceName: ws.name };
  admin = { ...who, role: "admin" };
  organiser = { ...who, role: "organiser" };
});

const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: AppError) => e,
  );

describe("Sautikit connection management", () => {
  it("starts not connected, and organisers cannot touch it", async () => {
    expect((await overview(admin)).connection).toBeNull();
    expect(await fail(m.connectToEmulator(organiser))).toMatchObject({ code: "FORBIDDEN" });
    expect(await fail(m.testConnection(admin))).toMatchObject({ code: "SAUTIKIT_NOT_CONNECTED" });
  });

  it("connects to the emulator and reports the wallet", async () => {
    await m.connectToEmulator(admin);
    const t = await m.testConnection(admin);
    expect(t).toMatchObject({ currency: "KES", numbers: 2, balanceMinor: expect.any(Number) });
    const o = await overview(admin);
    expect(o.connection).toMatchObject({ status: "connected", mode: "emulator" });
    expect(o.live?.numbers).toHaveLength(2);
    expect(JSON.stringify(o)).not.toMatch(/sk_|whsec_/);
  });

  it("a key Sautikit rejects is not stored", async () => {
    const before = await lib.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: admin.workspaceId } });
    const err = await fail(m.saveConnection(admin, { apiBaseUrl: app.emulatorUrl!, apiKey: "sk_not_a_real_key" }));
    expect(err).toMatchObject({ code: "SAUTIKIT_REJECTED" });
    expect(await lib.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: admin.workspaceId } })).toEqual(
      before,
    );
  });

  it("refuses plain http to a remote host", async () => {
    const err = await fail(
      m.saveConnection(admin, { apiBaseUrl: "http://api.sautikit.com", apiKey: "sk_live_12345678" }),
    );
    expect(toErrorResponse(err).body.error.message).toMatch(/https/);
  });

  it("switching to another account keeps the key encrypted and asks for numbers, then routes both", async () => {
    const before = await lib.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: admin.workspaceId } });
    const other = (await app.emulator.control("/workspaces", "POST", { name: "another account" })) as Account;
    const saved = await m.saveConnection(admin, { apiBaseUrl: `${app.emulatorUrl}/`, apiKey: other.api_key });
    expect(saved.numbers).toBe(2);
    const row = await lib.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: admin.workspaceId } });
    expect(row.apiKeyEnc).not.toContain(other.api_key);
    const { decryptSecret } = await import("@/lib/crypto");
    // A new account gets a new, random signing secret (never the emulator's well-known one).
    expect(decryptSecret(row.signingSecretEnc)).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(decryptSecret(row.signingSecretEnc)).not.toBe(decryptSecret(before.signingSecretEnc));
    expect(row).toMatchObject({
      status: "needs_numbers",
      dialInNumberId: null,
      callerIdNumberId: null,
      apiBaseUrl: app.emulatorUrl,
    });

    const foreign = await fail(
      m.selectNumbers(admin, { dialInNumberId: "num_not_mine", callerIdNumberId: other.numbers[0]!.id }),
    );
    expect(foreign).toMatchObject({ code: "NUMBER_NOT_OWNED" });

    const dialIn = other.numbers.find((n) => n.role === "dial_in")!;
    const callerId = other.numbers.find((n) => n.role === "caller_id")!;
    const { routed } = await m.selectNumbers(admin, { dialInNumberId: dialIn.id, callerIdNumberId: callerId.id });
    expect(routed.map((r) => r.e164).sort()).toEqual([dialIn.e164, callerId.e164].sort());
    expect(
      await lib.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: admin.workspaceId } }),
    ).toMatchObject({
      status: "connected",
      dialInNumber: dialIn.e164,
      callerIdNumber: callerId.e164,
    });

    const state = await app.emulator.state();
    const numbers = state.workspaces.find((w) => w.workspace_id === other.workspace_id)!.numbers;
    for (const n of numbers) {
      expect(n.voice_callback_url).toBe(`${app.url}/api/sautikit/${admin.workspaceId}/voice/inbound`);
      expect(n.events_url).toBe(`${app.url}/api/sautikit/${admin.workspaceId}/call-events`);
    }
    expect(
      await lib.db.auditLog.count({ where: { workspaceId: admin.workspaceId, action: "sautikit.numbers_selected" } }),
    ).toBe(1);
  });
});
