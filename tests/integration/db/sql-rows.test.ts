// sqlRows (lib/db.ts): plain SQL reads on the driver adapter's own connections, used by the webhook
// hot paths. They must read what Prisma reads — in particular `timestamp` columns, which hold UTC
// and which both drivers would otherwise read in the process's local time zone — and, on the
// embedded database, wait for an open Prisma transaction rather than run inside it. sqlTransaction
// (the roster batch's plain SQL transaction on one of the same connections) must be all or nothing
// and give its connection back whatever happens.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";

const app = appFixture({ modules: () => [import("@/lib/db")] });
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

// The first test pays for the file's fresh database and a real sign-up: on a busy host that alone
// can take most of vitest's default 30 s.
describe("sqlRows", { timeout: 90_000 }, () => {
  it("reads timestamps as the UTC instants Prisma stored, whatever the process's time zone", async () => {
    const ws = await app.workspace();
    const meeting = await app.meeting(ws.actor);
    const startedAt = new Date("2026-11-25T10:15:30.123Z");
    await app.lib.db.meeting.update({ where: { id: meeting.id }, data: { startedAt } });
    // Three hours east of UTC: a local-time reading would be off by exactly that.
    process.env.TZ = "Africa/Nairobi";
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-180);
    const rows = await app.lib.sqlRows<{ startedAt: Date; capacity: number; title: string }>(
      `SELECT "startedAt", capacity, title FROM "Meeting" WHERE id = $1 AND "workspaceId" = $2`,
      [meeting.id, ws.workspaceId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.startedAt).toBeInstanceOf(Date);
    expect(rows[0]!.startedAt.toISOString()).toBe(startedAt.toISOString());
    const viaPrisma = await app.lib.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(rows[0]!.capacity).toBe(viaPrisma.capacity);
    expect(rows[0]!.title).toBe(viaPrisma.title);
  });

  it("sees a Prisma transaction's write once it commits, never a half-done one", async () => {
    const ws = await app.workspace();
    const meeting = await app.meeting(ws.actor);
    const read = async () =>
      (await app.lib.sqlRows<{ title: string }>(`SELECT title FROM "Meeting" WHERE id = $1`, [meeting.id]))[0]!.title;
    let during: Promise<string> | undefined;
    await app.lib.db.$transaction(async (tx) => {
      await tx.meeting.update({ where: { id: meeting.id }, data: { title: "Renamed" } });
      // Started while the transaction is open: PostgreSQL answers from the committed state,
      // PGlite waits for the commit. Either way it never sees an uncommitted title.
      during = read();
      await new Promise((r) => setImmediate(r));
    });
    expect(["Renamed", meeting.title]).toContain(await during!);
    expect(await read()).toBe("Renamed");
  });

  it("sqlTransaction commits its statements together, or none of them when a statement fails", async () => {
    const ws = await app.workspace();
    const meeting = await app.meeting(ws.actor);
    const title = async () => (await app.lib.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).title;
    const rename = `UPDATE "Meeting" SET title = $2 WHERE id = $1 AND "workspaceId" = $3 RETURNING title`;
    // A write, then a statement the database refuses: the write is rolled back.
    await expect(
      app.lib.sqlTransaction(async (tx) => {
        expect(await tx.rows(rename, [meeting.id, "Half done", ws.workspaceId])).toEqual([{ title: "Half done" }]);
        await tx.rows(`SELECT 1 / 0 AS boom`, []);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await title()).toBe(meeting.title);
    // Work that throws after its write: rolled back too, the error is the caller's own.
    await expect(
      app.lib.sqlTransaction(async (tx) => {
        await tx.rows(rename, [meeting.id, "Half done", ws.workspaceId]);
        throw new Error("the caller changed its mind");
      }),
    ).rejects.toThrow("the caller changed its mind");
    expect(await title()).toBe(meeting.title);
    // Committed when the work resolves; bigint columns read as BigInt and timestamps as UTC instants,
    // as Prisma's raw queries read them (the roster's statements run in either kind of transaction).
    const startedAt = new Date("2026-11-25T10:15:30.123Z");
    const [row] = await app.lib.sqlTransaction(async (tx) => {
      await tx.rows(rename, [meeting.id, "Renamed", ws.workspaceId]);
      return tx.rows<{ big: bigint; startedAt: Date }>(
        `SELECT 9007199254740993::bigint AS big, $1::timestamp(3) AS "startedAt"`,
        [app.lib.utcTimestampText(startedAt)],
      );
    });
    expect(await title()).toBe("Renamed");
    expect(row!.big).toBe(9007199254740993n);
    expect(row!.startedAt.toISOString()).toBe(startedAt.toISOString());
  });

  it("sqlTransaction gives its connection back on every path, and refuses statements once it has ended", async () => {
    // More failures in a row than the pool has connections (PG_POOL_MAX): a connection kept by a
    // failed transaction would leave the last ones, and the read after them, waiting for ever. On the
    // embedded database, a transaction left open would hold every later query.
    let straggler: { rows: (sql: string, params: readonly unknown[]) => Promise<unknown[]> } | undefined;
    for (let i = 0; i < app.lib.PG_POOL_MAX + 5; i++) {
      await expect(
        app.lib.sqlTransaction(async (tx) => {
          straggler = tx;
          if (i % 2 === 0) await tx.rows(`SELECT 1 / 0 AS boom`, []);
          throw new Error(`failure ${i}`);
        }),
      ).rejects.toThrow();
    }
    expect(await app.lib.sqlTransaction((tx) => tx.rows<{ one: number }>(`SELECT 1 AS one`, []))).toEqual([{ one: 1 }]);
    expect(await app.lib.sqlRows<{ one: number }>(`SELECT 1 AS one`, [])).toEqual([{ one: 1 }]);
    // A statement asked of a transaction that has ended (work that failed while a read was still
    // to be sent) is refused, never run on a connection that may serve someone else by then.
    await expect(straggler!.rows(`SELECT 1 AS one`, [])).rejects.toThrow(/closed/i);
  });

  it.runIf(/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ""))(
    "on PostgreSQL runs each text as one named prepared statement, planned once per connection",
    async () => {
      const text = `SELECT count(*)::int AS n FROM "Meeting" WHERE "workspaceId" = $1 /* prepared-probe */`;
      for (let i = 0; i < 3; i++) await app.lib.sqlRows(text, [randomUUID()]);
      // Sequential calls take the pool's most recently released connection, so the probe's own
      // statement sees the session that prepared the text.
      const prepared = await app.lib.sqlRows<{ name: string }>(
        `SELECT name FROM pg_prepared_statements WHERE statement = $1`,
        [text],
      );
      expect(prepared).toHaveLength(1);
      expect(prepared[0]!.name).toMatch(/^mkutano_[0-9a-f]{24}$/);
    },
  );
});
