// Messages the app stores to show later are said in each reader's language (ADR 0025): a refused
// dial on the roster (page data, GET /roster and the SSE stream, one shared snapshot per meeting),
// the Sautikit connection's last problem, and the wallet / call log when Sautikit cannot be read
// (a reason code, not an English sentence). Rows stored before the key was kept stay readable.
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture, type ConnectedWorkspace, type Member } from "../support/app-fixture";
import type { Client } from "../reliability/support/http-client";
import { sseFrames } from "@/tests/support/sse-frames";

const app = appFixture({
  modules: () => [
    import("@/lib/spend/get-wallet"),
    import("@/lib/sautikit/connection-overview"),
    import("@/lib/sautikit/last-error"),
    import("@/lib/errors"),
    import("@/lib/roster/get-meeting-roster"),
  ],
});
const m = app.lib;

const WALLET_EMPTY = {
  en: "The Sautikit wallet is empty. Top it up to place calls.",
  sw: "Salio la Sautikit limekwisha. Ongeza salio ili upige simu.",
};

let ws: ConnectedWorkspace;
let clients: Record<"en" | "sw", Client>;

async function reader(member: Member, locale: "en" | "sw"): Promise<Client> {
  await m.db.user.update({ where: { id: member.userId }, data: { locale } });
  return app.signIn(member);
}

beforeAll(async () => {
  ws = await app.workspace();
  clients = { sw: await reader(ws.actor, "sw"), en: await reader(await ws.addMember("admin"), "en") };
}, 120_000);

type Row = { name: string; dialError: Record<string, unknown> | null; legs: { dialError?: unknown }[] };
const rowOf = (body: { people: Row[] }, name: string) => body.people.find((p) => p.name === name)!;

async function rosterRow(client: Client, meetingId: string, name: string): Promise<Row> {
  const res = await client.fetch(`/api/meetings/${meetingId}/roster`);
  expect(res.status).toBe(200);
  return rowOf((await res.json()) as { people: Row[] }, name);
}

async function streamedRow(client: Client, meetingId: string, name: string): Promise<Row> {
  const res = await client.fetch(`/api/meetings/${meetingId}/stream`);
  expect(res.status).toBe(200);
  const frames = sseFrames(res);
  try {
    const frame = await frames.next("roster");
    return rowOf(JSON.parse(frame.slice(frame.indexOf("data: ") + 6)) as { people: Row[] }, name);
  } finally {
    await frames.close();
  }
}

describe("a refused dial on the roster", () => {
  it("is stored as a key and said in each reader's language, on GET and on the live stream", async () => {
    const meeting = await app.meeting(ws.actor, { waitForHost: false });
    const p = await m.addParticipant(ws.actor, meeting.id, { name: "Pochi Tupu", phone: "+254700000811" });
    await app.emulator.control("/wallet", "POST", { workspace_id: ws.emulatorWorkspaceId, set_minor: 0 });
    try {
      await expect(m.dialParticipant(ws.actor, meeting.id, p.id)).rejects.toMatchObject({ code: "WALLET_EMPTY" });
    } finally {
      await app.emulator.control("/wallet", "POST", { workspace_id: ws.emulatorWorkspaceId, set_minor: 100_000 });
    }
    const leg = await m.db.leg.findFirstOrThrow({ where: { participantId: p.id } });
    expect(leg).toMatchObject({
      dialErrorCode: "WALLET_EMPTY",
      dialErrorKey: "walletEmpty",
      dialError: WALLET_EMPTY.en,
    });

    for (const locale of ["en", "sw"] as const) {
      const expected = { code: "WALLET_EMPTY", message: WALLET_EMPTY[locale] };
      const row = await rosterRow(clients[locale], meeting.id, "Pochi Tupu");
      // Only the words leave the server: no key or values in what the browser gets.
      expect(row.dialError, `GET ${locale}`).toEqual(expected);
      expect(row.legs.map((l) => l.dialError)).toContainEqual(expected);
      expect((await streamedRow(clients[locale], meeting.id, "Pochi Tupu")).dialError, `SSE ${locale}`).toEqual(
        expected,
      );
      expect(
        rowOf(await m.getMeetingRoster(ws.actor, meeting.id, locale), "Pochi Tupu").dialError,
        `page ${locale}`,
      ).toEqual(expected);
    }
  });

  it("keeps rows stored before the key (or with a key the catalog dropped) readable as stored", async () => {
    const meeting = await app.meeting(ws.actor, { waitForHost: false });
    const p = await m.addParticipant(ws.actor, meeting.id, { name: "Zamani", phone: "+254700000812" });
    const stored = "Sautikit refused the call (an old message).";
    const leg = await m.db.leg.create({
      data: {
        workspaceId: ws.workspaceId,
        meetingId: meeting.id,
        participantId: p.id,
        direction: "outbound",
        toE164: p.phoneE164,
        state: "left",
        endReason: "failed",
        dialErrorCode: "SAUTIKIT_REJECTED",
        dialError: stored,
      },
    });
    for (const key of [null, "aKeyNoLongerInTheCatalog"]) {
      await m.db.leg.update({ where: { id: leg.id }, data: { dialErrorKey: key } });
      for (const locale of ["en", "sw"] as const)
        expect((await rosterRow(clients[locale], meeting.id, "Zamani")).dialError, `${key} ${locale}`).toEqual({
          code: "SAUTIKIT_REJECTED",
          message: stored,
        });
    }
  });
});

describe("the Sautikit connection's last problem", () => {
  it("is said in the reader's language; an old row shows its stored text", async () => {
    const problem = new m.AppError("SAUTIKIT_REJECTED", "sautikitRefusedStatus", { params: { status: 418 } });
    await m.db.sautikitConnection.update({ where: { workspaceId: ws.workspaceId }, data: m.lastErrorColumns(problem) });
    const lastError = async (locale: "en" | "sw") =>
      (await m.getConnectionOverview(ws.actor, locale)).connection?.lastError;
    expect(await lastError("en")).toBe(
      "Sautikit refused the request (HTTP 418). Check the Sautikit connection under Settings.",
    );
    expect(await lastError("sw")).toBe(
      "Sautikit ilikataa ombi (HTTP 418). Kagua muunganisho wa Sautikit katika Mipangilio.",
    );
    await m.db.sautikitConnection.update({
      where: { workspaceId: ws.workspaceId },
      data: { ...m.NO_LAST_ERROR, lastError: "An old English problem." },
    });
    expect(await lastError("sw")).toBe("An old English problem.");
    await m.db.sautikitConnection.update({ where: { workspaceId: ws.workspaceId }, data: m.NO_LAST_ERROR });
    expect(await lastError("sw")).toBeNull();
  });
});

describe("figures read live from Sautikit, when they cannot be read", () => {
  it("carry a reason for the page to say, not an English sentence", async () => {
    const other = await app.workspace();
    const admin = await app.signIn(other.actor);
    await m.db.sautikitConnection.delete({ where: { workspaceId: other.workspaceId } });
    expect(await m.getWallet(other.workspaceId)).toEqual({ status: "unavailable", reason: "not_connected" });
    const wallet = await admin.fetch("/api/admin/wallet");
    expect(await wallet.json()).toEqual({ wallet: { status: "unavailable", reason: "not_connected" } });
    const calls = await admin.fetch("/api/admin/calls");
    expect(((await calls.json()) as { sautikit: unknown }).sautikit).toEqual({
      status: "unavailable",
      reason: "not_connected",
    });
  });
});
