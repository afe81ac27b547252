// Lock order when a placed call is recorded (PostgreSQL: PGlite runs one transaction at a time).
// Every roster writer locks the meeting row, then updates legs. Recording a placed call used to
// update the leg first and lock the meeting after, so a writer already holding the meeting lock
// and updating that leg (the voice callback of the same call, ~200 ms after it was placed)
// deadlocked with it; when PostgreSQL picked the dial as the victim, the leg was stored as a failed
// dial while the person was in the call — the intermittent kill -9 test failure. Here a second
// connection plays that writer at exactly the wrong moment.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { makeUntil } from "@/tests/support/until";

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const until = makeUntil({ timeoutMs: 20_000, intervalMs: 20 });

describe.runIf(onPostgres)("recording a placed call", () => {
  const app = appFixture();

  it(
    "takes the meeting lock before the leg, so a writer holding the meeting lock never deadlocks with it",
    { timeout: 60_000 },
    async () => {
      const { db, encryptSecret, addParticipant } = app.lib;
      const { createLegIfIdle } = await import("@/lib/meetings/dial-participant");
      const { placeLegCall } = await import("@/lib/meetings/place-leg-call");

      const { actor, workspaceId } = await app.workspace();
      // Only the dial and the test's writer touch the leg: the call's own webhooks are refused (wrong
      // secret) and the phone (a manual number) rings without answering, so no voice callback runs.
      await db.sautikitConnection.update({
        where: { workspaceId },
        data: { signingSecretEnc: encryptSecret("whsec_not_the_one") },
      });
      const meeting = await app.meeting(actor, { waitForHost: false });
      const phone = "+254700000591";
      const p = await addParticipant(actor, meeting.id, { name: "Baraka", phone });
      const { leg } = await db.$transaction((tx) => createLegIfIdle(tx, workspaceId, meeting.id, p.id));

      const writer = new pg.Client({ connectionString: app.databaseUrl });
      await writer.connect();
      try {
        await writer.query("BEGIN");
        await writer.query(`SELECT id FROM "Meeting" WHERE id = $1 FOR UPDATE`, [meeting.id]);
        const placing = placeLegCall(leg.id);
        let settled: unknown;
        void placing.then(
          (r) => (settled = r),
          (e: unknown) => (settled = e),
        );
        // The dial has placed the call and its recording transaction now waits for the meeting lock.
        await until("the dial to wait for the meeting lock", async () => {
          // Inside a transaction pg_stat_activity is a snapshot: refresh it on every look.
          await writer.query("SELECT pg_stat_clear_snapshot()");
          const r = await writer.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
          );
          if (settled) throw new Error(`the dial finished while the meeting was locked: ${JSON.stringify(settled)}`);
          return (r.rows[0] as { n: number }).n > 0;
        });
        // The writer, holding the meeting lock, updates the same leg (as a roster recompute does).
        const update = await writer.query(`UPDATE "Leg" SET "updatedAt" = now() WHERE id = $1`, [leg.id]).then(
          () => null,
          (e: Error) => e,
        );
        await writer.query(update ? "ROLLBACK" : "COMMIT");
        expect(update?.message ?? null).toBeNull();

        expect(await placing).toEqual({ status: "placed" });
        const recorded = await db.leg.findUniqueOrThrow({ where: { id: leg.id } });
        expect(recorded.callId).not.toBeNull();
        expect(recorded.fromE164).not.toBeNull();
        expect(await db.rosterEvent.count({ where: { legId: leg.id, kind: "dial.failed" } })).toBe(0);
        expect((await app.emulator.callsTo(phone)).map((c) => c.id)).toEqual([recorded.callId]);
      } finally {
        await writer.end();
        await app.emulator.decline(phone);
      }
    },
  );
});
