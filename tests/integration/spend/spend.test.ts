// Spend on real parts: calls billed per second by the emulator, their call.completed events
// applied through the app's webhook routes, then the statement, the reconciliation with
// GET /v1/calls, the monthly summary, the wallet and the budget cap read from that state.
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture, freshPhone } from "../support/app-fixture";
import { connectedWorkspace, liveMeeting, until } from "../recordings/support";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";

const app = appFixture({
  modules: () => [
    import("@/lib/spend/meeting-statement"),
    import("@/lib/spend/statement-csv"),
    import("@/lib/reconcile/reconcile-calls"),
    import("@/lib/spend/spend-summary"),
    import("@/lib/spend/assert-within-budget"),
    import("@/lib/spend/get-wallet"),
    import("@/lib/sautikit/connection"),
  ],
});
const m = app.lib;
let ws: Awaited<ReturnType<typeof connectedWorkspace>>;

beforeAll(async () => {
  ws = await connectedWorkspace(app, "Spend test");
});

const talkFor = (ms: number, since: Date) =>
  until(`${ms} ms of talk`, async () => Date.now() - since.getTime() >= ms, ms + 10_000);

describe("spend", () => {
  let meetingId: string;

  it(
    "statement totals equal the sum of the legs and the emulator's cost_minor for the same calls",
    { timeout: 90_000 },
    async () => {
      const { meeting, people } = await liveMeeting(m.db, ws.organiser, { record: false, people: 2 });
      meetingId = meeting.id;
      const first = await m.db.leg.findFirstOrThrow({ where: { participantId: people[0]!.id } });
      const second = await m.db.leg.findFirstOrThrow({ where: { participantId: people[1]!.id } });
      await talkFor(2_500, second.joinedAt!);
      // One person hangs up on their own, then the organiser ends the meeting for the other.
      await app.emulator.hangup(people[0]!.phoneE164);
      await until(
        "the first leg to end",
        async () => (await m.db.leg.findFirst({ where: { id: first.id, state: "left" } })) ?? undefined,
      );
      await m.endMeeting(ws.organiser, meeting.id);
      // Final once Sautikit's call.completed (with its billed cost) has been applied to each leg.
      const legs = await until("every leg's billed cost", async () => {
        const all = await m.db.leg.findMany({ where: { meetingId: meeting.id } });
        const billed = await m.db.webhookEvent.count({
          where: {
            workspaceId: ws.workspaceId,
            kind: "call.completed",
            callId: { in: all.map((l) => l.callId!) },
            appliedAt: { not: null },
          },
        });
        return all.length === 2 && billed === 2 && all.every((l) => l.costMinor !== null) ? all : undefined;
      });

      const client = await m.getSautikitClient(ws.workspaceId);
      const calls = await Promise.all(legs.map((l) => client.calls.get(l.callId!)));
      const emulatorCost = calls.reduce((s, c) => s + (c.cost_minor ?? 0), 0);
      const emulatorSeconds = calls.reduce((s, c) => s + (c.duration_seconds ?? 0), 0);
      expect(calls.every((c) => c.status === "completed")).toBe(true);
      expect(emulatorCost).toBeGreaterThan(0);

      const statement = await m.meetingStatement(ws.organiser, meeting.id);
      const legSum = legs.reduce((s, l) => s + l.costMinor!, 0);
      expect(statement.totals.costMinor).toBe(legSum);
      expect(statement.totals.costMinor).toBe(emulatorCost);
      expect(statement.totals.billedSeconds).toBe(emulatorSeconds);
      expect(statement.totals.legs).toBe(2);
      expect(statement.rows).toHaveLength(2);
      for (const row of statement.rows) {
        const leg = legs.find((l) => l.participantId === row.key)!;
        const call = calls.find((c) => c.id === leg.callId)!;
        expect(row.costMinor).toBe(call.cost_minor);
        expect(row.billedSeconds).toBe(call.duration_seconds);
        expect(row.secondsConnected).toBeGreaterThanOrEqual(2);
        expect(row.joinedAt).not.toBeNull();
        expect(row.leftAt).not.toBeNull();
      }

      const csv = m.statementCsv(statement).trimEnd().split("\r\n");
      expect(csv[0]).toBe(
        "Name,Phone,Role,Joined (UTC),Left (UTC),Seconds connected,Seconds waiting,Legs,Billed seconds,Cost (KES),Calls",
      );
      expect(csv).toHaveLength(4);
      expect(csv[3]!.split(",").at(-2)).toBe((emulatorCost / 100).toFixed(2));
    },
  );

  it("reconciles the call log with GET /v1/calls and shows any mismatch", { timeout: 30_000 }, async () => {
    const log = await m.reconcileCalls(ws.admin, { days: 1 });
    expect(log.sautikit).toEqual({ status: "ok" });
    const rows = log.rows.filter((r) => r.meetingId === meetingId);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.issues).toEqual([]);
      expect(r.sautikit).toMatchObject({
        status: "completed",
        costMinor: r.app.costMinor,
        durationSeconds: r.app.durationSeconds,
      });
    }
    await expect(m.reconcileCalls(ws.organiser)).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The app's figure drifts (a lost or wrong event): the log says so.
    const leg = await m.db.leg.findFirstOrThrow({ where: { meetingId } });
    await m.db.leg.update({ where: { id: leg.id }, data: { costMinor: leg.costMinor! + 7 } });
    try {
      const drifted = await m.reconcileCalls(ws.admin, { days: 1, onlyMismatches: true });
      expect(drifted.mismatches).toBe(1);
      expect(drifted.rows.map((r) => r.legId)).toEqual([leg.id]);
      expect(drifted.rows[0]!.issues).toEqual([{ kind: "cost", app: leg.costMinor! + 7, sautikit: leg.costMinor }]);
    } finally {
      await m.db.leg.update({ where: { id: leg.id }, data: { costMinor: leg.costMinor } });
    }
  });

  it(
    "sums spend per month and per meeting, and reads the wallet with its low-balance flag",
    { timeout: 30_000 },
    async () => {
      const statement = await m.meetingStatement(ws.admin, meetingId);
      const summary = await m.spendSummary(ws.admin, { months: 3 });
      expect(summary.months).toHaveLength(3);
      expect(summary.months.at(-1)!.costMinor).toBe(statement.totals.costMinor);
      expect(summary.totalMinor).toBe(statement.totals.costMinor);
      expect(summary.meetings.find((r) => r.meetingId === meetingId)).toMatchObject({
        costMinor: statement.totals.costMinor,
        legs: 2,
      });
      await expect(m.spendSummary(ws.organiser)).rejects.toMatchObject({ code: "FORBIDDEN" });

      const wallet = await m.getWallet(ws.workspaceId);
      const balance = (await (await m.getSautikitClient(ws.workspaceId)).wallet.balance()).balance_minor;
      expect(wallet).toMatchObject({ status: "ok", balanceMinor: balance, currency: "KES", low: false });
      // A refused wallet change throws (the control client checks every answer).
      await app.emulator.control("/wallet", "POST", { workspace_id: ws.emulatorWorkspaceId, set_minor: 100 });
      expect(await m.getWallet(ws.workspaceId)).toMatchObject({ status: "ok", balanceMinor: 100, low: true });
      await app.emulator.control("/wallet", "POST", { workspace_id: ws.emulatorWorkspaceId, set_minor: balance });
    },
  );

  it(
    "shows Sautikit's own figure for the month next to Mkutano's, and flags a difference",
    { timeout: 30_000 },
    async () => {
      const { compareMonthSpend } = await import("@/lib/spend/compare-month-spend");
      const summary = await m.spendSummary(ws.admin, { months: 1 });
      const same = await compareMonthSpend(ws.admin);
      expect(same).toMatchObject({
        status: "ok",
        matches: true,
        differenceMinor: 0,
        mkutanoMinor: summary.months.at(-1)!.costMinor,
      });
      if (same.status !== "ok") throw new Error("unreachable");
      expect(same.sautikitMinor).toBeGreaterThan(0);
      await expect(compareMonthSpend(ws.organiser)).rejects.toMatchObject({ code: "FORBIDDEN" });

      // A call on the same Sautikit account made outside Mkutano: Sautikit bills it, Mkutano has no leg for it.
      const receiver = await startWebhookReceiver();
      try {
        receiver.on("/voice", () => ({ body: { actions: [{ conference: { name: "outside-mkutano" } }] } }));
        const client = await m.getSautikitClient(ws.workspaceId);
        const [number] = await client.numbers.list();
        // +254 700 000 401 answers and hangs up after one second: KES 0.05.
        const placed = await client.calls.create(
          { from: number!.e164, to: "+254700000401", voice_callback_url: `${receiver.url}/voice` },
          { idempotencyKey: `outside-${Date.now()}` },
        );
        const ended = await until("the outside call to end", async () => {
          const c = await client.calls.get(placed.call_id);
          return c.ended_at ? c : undefined;
        });
        expect(ended.cost_minor).toBe(5);
        const differs = await compareMonthSpend(ws.admin);
        expect(differs).toMatchObject({
          status: "ok",
          matches: false,
          differenceMinor: 5,
          sautikitMinor: same.sautikitMinor + 5,
          mkutanoMinor: same.mkutanoMinor,
        });
      } finally {
        await receiver.close();
      }
    },
  );

  it(
    "blocks the next dial-out with a clear error once the meeting's budget is reached",
    { timeout: 90_000 },
    async () => {
      const meeting = await m.scheduleMeeting(ws.organiser, {
        title: "Budgeted",
        agenda: "",
        startsAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 30,
        capacity: 10,
        waitForHost: false,
        endOnHostExit: false,
      });
      // KES 0.80: sixteen seconds of an outbound call at KES 3.00/min (the first ~7 go on the
      // answer-confirmation prompt, before A is in the room).
      await m.db.meeting.update({ where: { id: meeting.id }, data: { budgetMinor: 80 } });
      const a = await m.addParticipant(ws.organiser, meeting.id, { name: "Caller A", phone: freshPhone() });
      const b = await m.addParticipant(ws.organiser, meeting.id, { name: "Caller B", phone: freshPhone() });

      expect(await m.dialParticipant(ws.organiser, meeting.id, a.id)).toMatchObject({ status: "placed" });
      await until(
        "A in the call",
        async () => (await m.db.leg.findFirst({ where: { participantId: a.id, state: "in_call" } })) ?? undefined,
      );
      expect((await m.budgetStatus(meeting.id, ws.workspaceId)).reached).toBe(false);
      await until(
        "the budget to be used up",
        async () => (await m.budgetStatus(meeting.id, ws.workspaceId)).reached,
        20_000,
      );

      const blocked = m.dialParticipant(ws.organiser, meeting.id, b.id);
      await expect(blocked).rejects.toMatchObject({ code: "BUDGET_EXCEEDED" });
      await expect(blocked).rejects.toThrow(/reached its budget .*of KES 0\.80/);
      await expect(m.callEveryone(ws.organiser, meeting.id)).rejects.toMatchObject({ code: "BUDGET_EXCEEDED" });
      // Nothing was dialled or queued for B.
      expect(await m.db.leg.count({ where: { participantId: b.id } })).toBe(0);
      expect(await m.db.job.count({ where: { uniqueKey: { contains: b.id } } })).toBe(0);
      // A stays connected: the cap stops new calls, it does not cut people off.
      expect((await m.db.leg.findFirstOrThrow({ where: { participantId: a.id } })).state).toBe("in_call");

      // Raising the budget lets the organiser call again.
      await m.db.meeting.update({ where: { id: meeting.id }, data: { budgetMinor: 100_000 } });
      expect(await m.dialParticipant(ws.organiser, meeting.id, b.id)).toMatchObject({ status: "placed" });
      await m.endMeeting(ws.organiser, meeting.id);
    },
  );
});
