// createTestDatabase: each caller gets its own fully migrated database, reachable through the
// app's own client (lib/db), isolated from every other, and gone after drop().
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/tests/support/test-db";
import type { TestDatabase } from "@/tests/support/test-db";

const migrationCount = fs
  .readdirSync(path.resolve("prisma/migrations"))
  .filter((entry) => /^\d{14}_/.test(entry)).length;

/** lib/env reads DATABASE_URL once per module graph, so load the app's client afresh. */
async function appClientFor(url: string | undefined) {
  process.env.DATABASE_URL = url;
  vi.resetModules();
  return import("@/lib/db");
}

async function exists(database: TestDatabase, serverUrl: string | undefined): Promise<boolean> {
  if (database.url.startsWith("pglite:")) return fs.existsSync(database.url.slice("pglite:".length));
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const name = new URL(database.url).pathname.slice(1);
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("createTestDatabase", { timeout: 120_000 }, () => {
  const serverUrl = process.env.DATABASE_URL;
  const made: TestDatabase[] = [];
  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    for (const database of made) await database.drop();
  });

  it("gives each caller a separate, fully migrated database that the app's client can use", async () => {
    const started = performance.now();
    const first = await createTestDatabase();
    const firstMs = performance.now() - started;
    const again = performance.now();
    const second = await createTestDatabase();
    const secondMs = performance.now() - again;
    made.push(first, second);
    console.log(
      `createTestDatabase: first ${firstMs.toFixed(0)} ms, second ${secondMs.toFixed(0)} ms (${first.url.split(":")[0]})`,
    );
    expect(first.url).not.toBe(second.url);

    const { db, disconnectDb } = await appClientFor(first.url);
    const applied = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    expect(applied).toEqual([{ n: migrationCount }]);
    await db.user.create({ data: { email: "ada@example.test", name: "Ada", passwordHash: "x" } });
    expect(await db.user.count()).toBe(1);
    await disconnectDb();

    // The second database never saw that row.
    const fresh = await appClientFor(second.url);
    expect(await fresh.db.user.count()).toBe(0);
    await fresh.disconnectDb();
    process.env.DATABASE_URL = serverUrl;
  });

  it("drop() removes the database", async () => {
    const database = await createTestDatabase();
    made.push(database);
    expect(await exists(database, serverUrl)).toBe(true);
    await database.drop();
    expect(await exists(database, serverUrl)).toBe(false);
  });

  it.runIf(!serverUrl?.startsWith("postgres"))(
    "refuses to drop an embedded database still open in this process",
    async () => {
      const database = await createTestDatabase();
      made.push(database);
      const { db, disconnectDb } = await appClientFor(database.url);
      expect(await db.user.count()).toBe(0);
      await expect(database.drop()).rejects.toThrow(/call disconnectDb\(\) before drop\(\)/);
      await disconnectDb();
      await database.drop();
      expect(await exists(database, serverUrl)).toBe(false);
      process.env.DATABASE_URL = serverUrl;
    },
  );
});
