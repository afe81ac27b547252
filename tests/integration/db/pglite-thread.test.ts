// The embedded database on its worker thread (lib/db/pglite-thread.ts): what the Prisma adapter and
// sqlRows rely on from PGlite must hold through the messages — results parsed as PGlite parses them,
// transactions that commit, roll back and hold other queries back, errors that keep their codes,
// a close that flushes and unlocks, and a dead worker that fails its callers instead of hanging.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite, messages } from "@electric-sql/pglite";
import { lockPathFor, readLock } from "@/lib/db/lock";
import { openPgliteThread } from "@/lib/db/pglite-thread";
import type { OpenPgliteThread, ThreadTransaction } from "@/lib/db/pglite-thread";
import { createTestDatabase } from "@/tests/support/test-db";
import type { TestDatabase } from "@/tests/support/test-db";

const databases: TestDatabase[] = [];
const open: OpenPgliteThread[] = [];

/** A migrated clone on disk: the worker serves data directories only. */
async function tempDir(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url.slice("pglite:".length);
}

async function thread(dir?: string): Promise<OpenPgliteThread> {
  const opened = openPgliteThread(dir ?? (await tempDir()), "worker test");
  open.push(opened);
  await opened.pglite.waitReady;
  await opened.pglite.exec(
    "CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, note text, at timestamp(3), tags text[])",
  );
  return opened;
}

afterAll(async () => {
  for (const opened of open) await opened.close();
  for (const database of databases) await database.drop();
});

const embeddedRun = !/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");

describe.runIf(embeddedRun)("the embedded database on a worker thread", { timeout: 90_000 }, () => {
  it("answers queries as PGlite does: parameters, row modes, default and caller's parsers", async () => {
    const { pglite } = await thread();
    const insert = await pglite.query("INSERT INTO t VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)", [
      1,
      "one",
      "2026-12-03 10:00:00.5",
      ["a", "b,c"],
      2,
      null,
      null,
      [],
    ]);
    expect(insert.affectedRows).toBe(2);
    const objects = await pglite.query<{ id: number; note: string | null; tags: string[]; n: number; j: unknown }>(
      "SELECT id, note, tags, 7::int8 AS n, '{\"k\":[1]}'::jsonb AS j FROM t ORDER BY id",
    );
    expect(objects.rows).toEqual([
      { id: 1, note: "one", tags: ["a", "b,c"], n: 7, j: { k: [1] } },
      { id: 2, note: null, tags: [], n: 7, j: { k: [1] } },
    ]);
    expect(objects.fields.map((f) => f.name)).toEqual(["id", "note", "tags", "n", "j"]);
    // The caller's parsers (functions: they never cross to the worker) win over PGlite's.
    const utc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    const arrays = await pglite.query<unknown[]>("SELECT at, id FROM t WHERE id = $1", [1], {
      rowMode: "array",
      parsers: { 1114: utc },
    });
    expect(arrays.rows).toEqual([[new Date("2026-12-03T10:00:00.500Z"), 1]]);
    // The same query on a PGlite of this thread gives the same rows.
    const direct = new PGlite();
    await direct.exec("CREATE TABLE t (id int, tags text[])");
    await direct.query("INSERT INTO t VALUES (1, $1)", [["a", "b,c"]]);
    const reference = await direct.query("SELECT id, tags, 7::int8 AS n FROM t", []);
    await direct.close();
    const mine = await pglite.query("SELECT id, tags, 7::int8 AS n FROM t WHERE id = 1");
    expect(mine.rows).toEqual(reference.rows);
  });

  it("keeps a database error's class, code and constraint (Prisma maps them by instanceof)", async () => {
    const { pglite } = await thread();
    await pglite.query("INSERT INTO t (id) VALUES (10)");
    const error = await pglite.query("INSERT INTO t (id) VALUES (10)").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "t_pkey", severity: "ERROR" });
    expect((error as Error).message).toMatch(/duplicate key/);
  });

  it("commits a transaction, and rolls it back when its callback throws or it asks to", async () => {
    const { pglite } = await thread();
    const value = await pglite.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id, note) VALUES (20, 'kept')");
      return (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE id = 20")).rows[0]!.n;
    });
    expect(value).toBe(1);
    await expect(
      pglite.transaction(async (tx) => {
        await tx.query("INSERT INTO t (id, note) VALUES (21, 'lost')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    // What the adapter does: rollback() without awaiting it, then the callback returns.
    await pglite.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id, note) VALUES (22, 'lost')");
      void tx.rollback();
    });
    // A failing statement inside: the error reaches the caller and nothing of the transaction stays.
    await expect(
      pglite.transaction(async (tx) => {
        await tx.query("INSERT INTO t (id, note) VALUES (23, 'lost')");
        await tx.query("INSERT INTO t (id, note) VALUES (20, 'duplicate')");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const ids = await pglite.query<{ id: number }>("SELECT id FROM t WHERE id BETWEEN 20 AND 29 ORDER BY id");
    expect(ids.rows).toEqual([{ id: 20 }]);
  });

  it("holds other queries back while a transaction is open, then shows them its result", async () => {
    const { pglite } = await thread();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let opened!: (tx: ThreadTransaction) => void;
    const inside = new Promise<ThreadTransaction>((resolve) => (opened = resolve));
    const transaction = pglite.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id, note) VALUES (30, 'in tx')");
      opened(tx);
      await gate;
      await tx.query("UPDATE t SET note = 'committed' WHERE id = 30");
    });
    const tx = await inside;
    let outsideAnswered = false;
    const outside = pglite.query<{ note: string }>("SELECT note FROM t WHERE id = 30").then((r) => {
      outsideAnswered = true;
      return r.rows;
    });
    // Posted after the outside read, the transaction's own statement still runs: the outside read
    // waits for the transaction (PGlite's mutex, in the worker), it is not answered in between.
    expect((await tx.query<{ note: string }>("SELECT note FROM t WHERE id = 30")).rows).toEqual([{ note: "in tx" }]);
    expect(outsideAnswered).toBe(false);
    release();
    await transaction;
    expect(await outside).toEqual([{ note: "committed" }]);
  });

  it("close flushes the data and releases the lock; the data is there on the next open", async () => {
    const dir = await tempDir();
    const first = openPgliteThread(dir, "worker test (close)");
    await first.pglite.exec("CREATE TABLE kept (v text)");
    await first.pglite.query("INSERT INTO kept VALUES ('durable')");
    expect(readLock(lockPathFor(dir))?.pid).toBe(process.pid);
    await first.close();
    await first.close(); // twice is harmless
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    expect(first.pglite.closed).toBe(true);
    await expect(first.pglite.query("SELECT 1")).rejects.toThrow(/closed/);
    // Another engine (this thread's) reads what the worker wrote.
    const direct = new PGlite(dir);
    expect((await direct.query("SELECT v FROM kept")).rows).toEqual([{ v: "durable" }]);
    await direct.close();
  });

  it("a worker that dies fails the waiting and later queries with a clear error, and frees the lock", async () => {
    const dir = await tempDir();
    const opened = openPgliteThread(dir, "worker test (crash)");
    await opened.pglite.waitReady;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const open = new Promise<void>((resolve) => (began = resolve));
    const transaction = opened.pglite.transaction(async (tx) => {
      began();
      await gate;
      await tx.query("SELECT 1");
    });
    await open;
    const waiting = opened.pglite.query("SELECT 1"); // queued behind the open transaction
    // The worker is gone as if it had crashed (terminate stops it without closing anything).
    await opened.worker.terminate();
    await expect(waiting).rejects.toThrow(/worker thread exited unexpectedly/);
    release();
    await expect(transaction).rejects.toThrow(/worker thread exited unexpectedly/);
    await expect(opened.pglite.query("SELECT 1")).rejects.toThrow(/worker thread exited unexpectedly/);
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    await opened.close(); // closing a dead database does not hang either
  });
});
