// Dialling through a Sautikit outage, against a real emulator process of its own (its faults are
// process-wide) and a fake job clock: five minutes of outage pass in a few seconds, every retry is a
// real request the emulator answers 503, and after recovery every queued person is called exactly
// once. Also: a POST that timed out after Sautikit placed the call is recorded, not repeated; a
// permanent refusal ends on the person's row with its reason, and Retry dials them.
import { afterEach, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({
  emulatorEnv: { EMULATOR_LOG: "quiet", EMULATOR_TIME_SCALE: "0.05" },
  modules: () => [
    import("@/lib/jobs/claim-jobs"),
    import("@/lib/meetings/dial-retry"),
    import("@/lib/reconcile/reconcile-legs"),
    import("@/lib/meetings/dial-participant"),
    import("@/lib/jobs/enqueue-job"),
  ],
});
const m = app.lib;
const emulator = app.emulator;
const { callsTo } = emulator;
afterEach(async () => void (await emulator.clearFaults()));

async function setup() {
  const { actor, workspaceId } = await app.workspace();
  const meeting = await app.meeting(actor, { waitForHost: false });
  return { actor, workspaceId, meeting };
}

describe("a Sautikit outage", () => {
  it(
    "holds every queued dial for five minutes (banner up), then calls each person exactly once (banner down)",
    { timeout: 120_000 },
    async () => {
      const { actor, meeting } = await setup();
      // Manual phones: they ring until answered, so a second call to any of them would show.
      const phones = ["+254700000571", "+254700000572", "+254700000573", "+254700000574", "+254700000575"];
      for (const [i, phone] of phones.entries())
        await m.addParticipant(actor, meeting.id, { name: `Person ${i + 1}`, phone });

      await emulator.faults({ outage: true });
      expect(await m.callEveryone(actor, meeting.id)).toEqual({ queued: 5, heldBack: false });

      // The fake job clock: run everything due, then jump to the next job's runAt.
      const start = Date.now() + 1_000;
      let t = start;
      const runAllDue = async () => {
        while ((await m.runDueJobs({ workerId: "outage-test", now: () => t })) > 0);
      };
      const gaps: number[] = [];
      await runAllDue();
      const roster = await m.buildRoster(meeting.id);
      expect(roster.sautikitDownSince).not.toBeNull();
      expect(roster.people.map((p) => p.state)).toEqual(["created", "created", "created", "created", "created"]);
      // "Call everyone" again during the outage: nobody is lost or doubled, and it says they are held.
      expect(await m.callEveryone(actor, meeting.id)).toEqual({ queued: 5, heldBack: true });

      while (t - start < 5 * 60_000) {
        const next = (await m.nextPendingRunAt())!;
        expect(next).not.toBeNull();
        gaps.push(next.getTime() - t);
        t = Math.max(t, next.getTime());
        await runAllDue();
      }
      // Still queued after five minutes: no job gave up, no leg failed, nothing was placed.
      const legs = await m.db.leg.findMany({ where: { meetingId: meeting.id } });
      expect(legs).toHaveLength(5);
      expect(legs.every((l) => l.state === "created" && l.callId === null)).toBe(true);
      // Retried all along: at least one try per 30 s cap for each person over the five minutes.
      expect(Math.min(...legs.map((l) => l.dialTries))).toBeGreaterThanOrEqual(10);
      expect(await m.db.job.count({ where: { kind: "meetings.dial-leg", status: "failed" } })).toBe(0);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(m.DIAL_RETRY_CAP_MS);
      expect((await m.buildRoster(meeting.id)).sautikitDownSince).not.toBeNull();
      for (const phone of phones) expect(await callsTo(phone)).toHaveLength(0);

      // Sautikit is back: within one capped wait every queued person is called, once.
      await emulator.clearFaults();
      t += m.DIAL_RETRY_CAP_MS;
      await runAllDue();
      for (const phone of phones) expect(await callsTo(phone)).toHaveLength(1);
      const after = await m.buildRoster(meeting.id);
      expect(after.sautikitDownSince).toBeNull();
      await until("everyone ringing", async () =>
        (await m.buildRoster(meeting.id)).people.every((p) => p.state === "ringing"),
      );
      expect(
        await m.db.job.count({
          where: { kind: "meetings.dial-leg", status: { not: "done" }, uniqueKey: { contains: meeting.id } },
        }),
      ).toBe(0);
      for (const phone of phones) await emulator.decline(phone);
    },
  );

  it(
    "a POST that timed out after Sautikit placed the call is recorded on the retry, not placed again",
    { timeout: 90_000 },
    async () => {
      const { actor, meeting } = await setup();
      const phone = "+254700000576";
      const p = await m.addParticipant(actor, meeting.id, { name: "Slow Answer", phone });
      // Longer than the client's per-request timeout: the emulator places the call after the app gave up.
      await emulator.faults({ slow_answer_ms: 10_500 });
      const first = await m.dialParticipant(actor, meeting.id, p.id);
      expect(first).toMatchObject({ status: "queued", heldBack: true });
      await until("the call placed behind the timeout", async () => (await callsTo(phone)).length === 1);
      await emulator.clearFaults();

      // (The call's own webhooks may link its id to the leg meanwhile, by client_request_id; either
      // way the retry must record this call and place none.)
      let t = Date.now() + 60_000;
      while ((await m.runDueJobs({ workerId: "timeout-test", now: () => t })) > 0) t += 1;
      const recorded = await m.db.leg.findUniqueOrThrow({ where: { id: first.legId } });
      const placed = await callsTo(phone);
      expect(placed).toHaveLength(1);
      expect(recorded.callId).toBe(placed[0]!.id);
      expect(recorded.fromE164).not.toBeNull();
      expect(recorded.attempt).toBe(1);
      await emulator.decline(phone);
    },
  );

  it(
    "a permanent refusal (wallet empty) shows on the person's row, and Retry dials them once the wallet is topped up",
    { timeout: 60_000 },
    async () => {
      const { actor, workspaceId, meeting } = await setup();
      const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
      const phone = "+254700000577";
      const p = await m.addParticipant(actor, meeting.id, { name: "Wallet Empty", phone });
      await emulator.control("/wallet", "POST", { workspace_id: conn.emulatorWorkspace, set_minor: 0 });

      // Through Call everyone (the job path): the refusal ends the dial, it is not retried forever.
      expect(await m.callEveryone(actor, meeting.id)).toMatchObject({ queued: 1 });
      let t = Date.now() + 1_000;
      while ((await m.runDueJobs({ workerId: "wallet-test", now: () => t })) > 0) t += 1;
      const row = (await m.buildRoster(meeting.id)).people.find((x) => x.participantId === p.id)!;
      expect(row).toMatchObject({ state: "left", endReason: "failed", dialError: { code: "WALLET_EMPTY" } });
      expect(row.dialError!.message).toMatch(/wallet is empty/i);
      expect(
        await m.db.job.count({
          where: { kind: "meetings.dial-leg", uniqueKey: { contains: p.id }, status: { not: "done" } },
        }),
      ).toBe(0);
      expect(await callsTo(phone)).toHaveLength(0);

      // Retry (the row's button: a deliberate re-dial, so a new attempt and key).
      await emulator.control("/wallet", "POST", { workspace_id: conn.emulatorWorkspace, set_minor: 100_000 });
      const retry = await m.dialParticipant(actor, meeting.id, p.id);
      expect(retry.status).toBe("placed");
      const legs = await m.db.leg.findMany({ where: { participantId: p.id }, orderBy: { attempt: "asc" } });
      expect(legs.map((l) => l.attempt)).toEqual([1, 2]);
      expect(legs[0]!.idempotencyKey).not.toBe(legs[1]!.idempotencyKey);
      expect(await callsTo(phone)).toHaveLength(1);
      const now = (await m.buildRoster(meeting.id)).people.find((x) => x.participantId === p.id)!;
      expect(now.dialError).toBeNull();
      await until(
        "ringing",
        async () => (await m.buildRoster(meeting.id)).people.find((x) => x.participantId === p.id)!.state === "ringing",
      );
      await emulator.decline(phone);
    },
  );

  it("reconciliation re-queues a dial whose job gave up, and it is placed once", { timeout: 60_000 }, async () => {
    const { actor, workspaceId, meeting } = await setup();
    const phone = "+254700000578";
    const p = await m.addParticipant(actor, meeting.id, { name: "Stalled", phone });
    // A dial stranded by the old rules: its job failed for good, the leg stayed queued.
    const { leg } = await m.db.$transaction((tx) => m.createLegIfIdle(tx, workspaceId, meeting.id, p.id));
    const job = await m.enqueueJob({
      kind: "meetings.dial-leg",
      payload: { legId: leg.id },
      uniqueKey: `dial:${leg.idempotencyKey}`,
    });
    await m.db.job.update({ where: { id: job.id }, data: { status: "failed", attempts: 8, lastError: "gave up" } });
    const later = new Date(Date.now() + 3 * 60_000);
    expect(await m.requeueStalledDials({ now: later })).toBe(1);
    expect(await m.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "pending",
      attempts: 0,
    });
    // A second sweep leaves a dial in hand alone.
    expect(await m.requeueStalledDials({ now: new Date(later.getTime() + 3 * 60_000) })).toBe(0);
    let t = later.getTime() + 1;
    while ((await m.runDueJobs({ workerId: "reconcile-test", now: () => t })) > 0) t += 1;
    expect(await callsTo(phone)).toHaveLength(1);
    expect((await m.db.leg.findUniqueOrThrow({ where: { id: leg.id } })).callId).toBe((await callsTo(phone))[0]!.id);
    await emulator.decline(phone);
  });
});
