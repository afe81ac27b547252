import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openPglite, parseDatabaseUrl } from "@/lib/db/runtime";

// The one Prisma client. Created on first use, never at import, so `next build` and modules that
// only import types never open the database. Kept on globalThis so Next's dev hot reload reuses it
// (a second PGlite on the same directory would be refused by its lock anyway).
type Holder = { url: string; client: PrismaClient; close: () => Promise<void> };
const store = globalThis as typeof globalThis & { __mkutanoDb?: Holder };

function createHolder(url: string): Holder {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return { url, client, close: async () => {} };
  }
  const embedded = openPglite(target.dataDir, `app pid ${process.pid}: ${process.argv.slice(1).join(" ")}`.slice(0, 200));
  const client = new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite) });
  return { url, client, close: embedded.close };
}

function holder(): Holder {
  const url = env().DATABASE_URL;
  const current = store.__mkutanoDb;
  if (current?.url === url) return current;
  if (current) {
    // Only tests switch databases inside one process; release the old one rather than leak it.
    void current.client.$disconnect().finally(current.close);
  }
  store.__mkutanoDb = createHolder(url);
  return store.__mkutanoDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    // Keeps `await somethingReturning(db)` and similar thenable checks from opening the database.
    if (prop === "then") return undefined;
    const client = holder().client;
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
  has(_target, prop) {
    return Reflect.has(holder().client, prop);
  },
});

/** Closes the client (and the embedded database and its lock, if any). Safe to call twice. */
export async function disconnectDb(): Promise<void> {
  const current = store.__mkutanoDb;
  if (!current) return;
  store.__mkutanoDb = undefined;
  try {
    await current.client.$disconnect();
  } finally {
    await current.close();
  }
}
