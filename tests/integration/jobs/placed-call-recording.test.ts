// A dial whose call Sautikit accepted must never be stored as a failed dial, even when the app
// cannot record the acceptance (under load: a transaction timeout on the meeting lock, a pool
// timeout). The database is made to refuse that one write (a trigger on `dial.accepted` facts),
// which is deterministic where a real timeout is not. The job is retried instead and records the
// call (by the id its webhooks linked meanwhile, or by replaying the same Idempotency-Key), so the
// person is called once and the roster follows the live call rather than showing them as gone.
import { afterEach, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { makeUntil } from "@/tests/support/until";

const app = appFixture({
  modules: () => [import("@/lib/meetings/dial-participant"), import("@/lib/jobs/enqueue-job")],
});
const m = app.lib;
const { callsTo } = app.emulator;
afterEach(async () => {
  await m.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_dial_accepted ON "RosterEvent"`);
});

const until = makeUntil({ timeoutMs: 20_000 });

async function refuseDialAcceptedFacts(): Promise<void> {
  await m.db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION refuse_dial_accepted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected: the database refused this write'; END $$`);
  await m.db.$executeRawUnsafe(`
    CREATE TRIGGER refuse_dial_accepted BEFORE INSERT ON "RosterEvent"
    FOR EACH ROW WHEN (NEW."kind" = 'dial.accepted') EXECUTE FUNCTION refuse_dial_accepted()`);
}

async function setUp(phone: string) {
  const { actor, workspaceId } = await app.workspace();
  const meeting = await app.meeting(actor, { waitForHost: false });
  const p = await m.addParticipant(actor, meeting.id, { name: "Amina", phone });
  const person = async () => (await m.buildRoster(meeting.id)).people.find((x) => x.participantId === p.id)!;
  return { actor, workspaceId, meeting, participantId: p.id, person };
}

describe("a placed call whose acceptance cannot be recorded", { timeout: 60_000 }, () => {
  it("dial job: is retried, never stored as a failed dial; the retry records the same call", async () => {
    const phone = "+254720001301";
    const { workspaceId, meeting, participantId, person } = await setUp(phone);
    const leg = await m.db.$transaction((tx) => m.createLegIfIdle(tx, workspaceId, meeting.id, participantId));
    const job = await m.enqueueJob({
      kind: m.DIAL_LEG_JOB,
      payload: { legId: leg.leg.id },
      uniqueKey: `dial:${leg.leg.idempotencyKey}`,
    });
    await refuseDialAcceptedFacts();

    expect(await m.runDueJobs({ workerId: "placed-call-test" })).toBe(1);
    const afterFirst = await m.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFirst.lastError).toContain("injected");
    const placed = await callsTo(phone);
    expect(placed).toHaveLength(1);
    expect(await m.db.rosterEvent.count({ where: { legId: leg.leg.id, kind: "dial.failed" } })).toBe(0);

    // The call's own webhooks find the leg by client_request_id: the person is in the room.
    await until("the person in the call", async () => (await person()).state === "in_call");

    // The retry replays Sautikit's answer: the same call, recorded now, and nobody is called twice.
    await m.db.$executeRawUnsafe(`DROP TRIGGER refuse_dial_accepted ON "RosterEvent"`);
    await m.db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    expect(await m.runDueJobs({ workerId: "placed-call-test" })).toBe(1);
    expect(await m.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "done" });
    const recorded = await m.db.leg.findUniqueOrThrow({ where: { id: leg.leg.id } });
    expect(recorded).toMatchObject({ callId: placed[0]!.id, state: "in_call" });
    expect(recorded.fromE164).not.toBeNull();
    expect(recorded.ratePerMinuteMinor).toBeGreaterThan(0);
    expect(await m.db.rosterEvent.count({ where: { legId: leg.leg.id, kind: "dial.accepted" } })).toBe(1);
    expect(await callsTo(phone)).toHaveLength(1);
    expect((await person()).state).toBe("in_call");
    await app.emulator.hangup(phone);
  });

  it("Call (one person): reports the call as placed and queues the bookkeeping, not a failure", async () => {
    const phone = "+254720001302";
    const { actor, meeting, participantId, person } = await setUp(phone);
    await refuseDialAcceptedFacts();

    const result = await m.dialParticipant(actor, meeting.id, participantId);
    expect(result.status).toBe("placed");
    const leg = await m.db.leg.findUniqueOrThrow({ where: { id: result.legId } });
    expect(
      await m.db.job.count({
        where: { kind: m.DIAL_LEG_JOB, uniqueKey: `dial:${leg.idempotencyKey}`, status: "pending" },
      }),
    ).toBe(1);
    expect(await m.db.rosterEvent.count({ where: { legId: leg.id, kind: "dial.failed" } })).toBe(0);
    expect(await callsTo(phone)).toHaveLength(1);
    await until("the person in the call", async () => (await person()).state === "in_call");
    await app.emulator.hangup(phone);
  });
});
