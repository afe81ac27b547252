// End to end with the real emulator process: a new workspace is connected (its own emulator
// account, numbers routed to the app), a phone dials in, and the emulator's signed webhooks —
// each delivered twice by an injected fault — are answered, stored and applied exactly once.
import { beforeAll, describe, expect, it } from "vitest";
import type { WebhookHandlers } from "@/lib/webhooks/handlers";
import { webhookHandlerStandIns } from "../support/webhook-handlers";
import { appFixture } from "../support/app-fixture";

// A private emulator: the injected duplicate fault below must not reach other files' calls.
const app = appFixture({
  emulatorEnv: { EMULATOR_LOG: "quiet", EMULATOR_TIME_SCALE: "0.01" },
  modules: () => [import("@/lib/webhooks/record-delivery"), import("@/lib/workspaces/on-workspace-created")],
});
const m = app.lib;
const em = app.emulator;
/** The webhook log, once the rows buffered so far are written (they are batched, off the request path). */
const logged = async () => (await m.flushDeliveryLog(), m.db.webhookDelivery);
let register: (h: Partial<WebhookHandlers>) => void;

beforeAll(async () => {
  register = (await webhookHandlerStandIns()).use;
});

describe("emulator → app webhooks", () => {
  let workspaceId: string;

  it("connecting a new workspace gives it its own emulator account with every number routed to it", async () => {
    workspaceId = (await m.db.workspace.create({ data: { name: "Delivery test" } })).id;
    await m.onWorkspaceCreated(workspaceId);
    await m.onWorkspaceCreated(workspaceId); // idempotent: no second account, same routing

    const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
    expect(conn).toMatchObject({ mode: "emulator", status: "connected", lastError: null, apiBaseUrl: em.url });
    expect(conn.apiKeyEnc).not.toMatch(/^sk_/);
    expect(conn.dialInNumberId && conn.callerIdNumberId).toBeTruthy();

    const state = await em.state();
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
    await em.faults({ duplicate: true });
    const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
    const { call_id: callId } = await em.dial("+254711000042", conn.dialInNumber!);

    await expect
      .poll(() => m.db.webhookEvent.findMany({ where: { workspaceId, callId }, select: { kind: true } }), {
        timeout: 20_000,
        interval: 100,
      })
      .toEqual(expect.arrayContaining([{ kind: "call.completed" }]));
    // Every event's duplicate copy has reached the app too.
    await expect
      .poll(
        async () => {
          const events = await m.db.webhookEvent.findMany({ where: { workspaceId, callId } });
          return events.every((e) => e.deliveryCount >= 2);
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);

    const events = await m.db.webhookEvent.findMany({ where: { workspaceId, callId }, orderBy: { occurredAt: "asc" } });
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
