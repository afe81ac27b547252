// End to end with the real emulator process: a new workspace is connected (its own emulator
// account, numbers routed to the app), a phone dials in, and the emulator's signed webhooks —
// each delivered twice by an injected fault — are answered, stored and applied exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookHandlers } from "@/lib/webhooks/handlers";
import { webhookHandlerStandIns } from "../support/webhook-handlers";
import { startEmulator } from "@/tests/support/emulator-process";
import { type AppTest, setupAppTest } from "../support/setup-app-test";

type Emu = Awaited<ReturnType<typeof startEmulator>>;
type EmuNumber = { id: string; e164: string; voice_callback_url: string | null; events_url: string | null };
type EmuState = { workspaces: Array<{ workspace_id: string; name: string; numbers: EmuNumber[] }> };

let emu: Emu;
let app: AppTest;
let db: typeof import("@/lib/db").db;
let flushDeliveryLog: typeof import("@/lib/webhooks/record-delivery").flushDeliveryLog;
/** The webhook log, once the rows buffered so far are written (they are batched, off the request path). */
const logged = async () => (await flushDeliveryLog(), db.webhookDelivery);
let register: (h: Partial<WebhookHandlers>) => void;
let standIns: Awaited<ReturnType<typeof webhookHandlerStandIns>>;
let onWorkspaceCreated: (id: string) => Promise<void>;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_LOG: "quiet", EMULATOR_TIME_SCALE: "0.01" } });
  app = await setupAppTest({ env: { SAUTIKIT_API_URL: emu.url } });
  ({ db } = await import("@/lib/db"));
  ({ flushDeliveryLog } = await import("@/lib/webhooks/record-delivery"));
  standIns = await webhookHandlerStandIns();
  register = standIns.use;
  ({ onWorkspaceCreated } = await import("@/lib/workspaces/on-workspace-created"));
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await emu?.stop();
});

describe("emulator → app webhooks", () => {
  let workspaceId: string;

  it("connecting a new workspace gives it its own emulator account with every number routed to it", async () => {
    workspaceId = (await db.workspace.create({ data: { name: "Delivery test" } })).id;
    await onWorkspaceCreated(workspaceId);
    await onWorkspaceCreated(workspaceId); // idempotent: no second account, same routing

    const conn = await db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
    expect(conn).toMatchObject({ mode: "emulator", status: "connected", lastError: null, apiBaseUrl: emu.url });
    expect(conn.apiKeyEnc).not.toMatch(/^sk_/);
    expect(conn.dialInNumberId && conn.callerIdNumberId).toBeTruthy();

    const state = await control<EmuState>("GET", "/_emulator/state");
    const mine = state.workspaces.filter((w) => w.name === `mkutano-${workspaceId}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.workspace_id).toBe(conn.emulatorWorkspace);
    const base = `${app.url}/api/sautikit/${workspaceId}`;
    expect(mine[0]!.numbers).toHaveLength(2);
    for (const n of mine[0]!.numbers)
      expect(n).toMatchObject({ voice_callback_url: `${base}/voice/inbound`, events_url: `${base}/call-events` });
  });

  it("a dial-in is answered and its call events, each delivered twice, are applied once", async () => {
    const applied = new Map<string, number>();
    const answered: string[] = [];
    register({
      "voice/inbound": async (ctx, cb) => {
        expect(ctx.workspaceId).toBe(workspaceId);
        answered.push(cb.callId);
        return { actions: [{ say: { text: "Karibu" } }, { hangup: {} }] };
      },
      "call-events": async (_ctx, e) => void applied.set(e.eventId!, (applied.get(e.eventId!) ?? 0) + 1),
    });
    await control("POST", "/_emulator/faults", { duplicate: true });
    const conn = await db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
    const { call_id: callId } = await control<{ call_id: string }>("POST", "/_emulator/phones/+254711000042/dial", {
      to: conn.dialInNumber,
    });

    await expect
      .poll(() => db.webhookEvent.findMany({ where: { workspaceId, callId }, select: { kind: true } }), {
        timeout: 20_000,
        interval: 100,
      })
      .toEqual(expect.arrayContaining([{ kind: "call.completed" }]));
    // Every event's duplicate copy has reached the app too.
    await expect
      .poll(
        async () => {
          const events = await db.webhookEvent.findMany({ where: { workspaceId, callId } });
          return events.every((e) => e.deliveryCount >= 2);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);

    const events = await db.webhookEvent.findMany({ where: { workspaceId, callId }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["call.started", "call.answered", "call.completed"]),
    );
    for (const e of events) {
      expect(applied.get(e.eventId)).toBe(1);
      expect(e.appliedAt).not.toBeNull();
      expect(e.rawBody).toContain(callId);
    }
    expect(answered).toEqual([callId]);

    const log = await (await logged()).findMany({ where: { workspaceId, route: "call-events" } });
    expect(log.filter((d) => d.verdict === "accepted")).toHaveLength(events.length);
    expect(log.filter((d) => d.verdict === "duplicate").length).toBeGreaterThanOrEqual(events.length);
    expect(log.every((d) => d.deliveryId)).toBe(true);
    expect(await (await logged()).count({ where: { workspaceId, verdict: "rejected_signature" } })).toBe(0);
  });
});
