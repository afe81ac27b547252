// The app's embedded database on its own thread (ADR "embedded database off the request thread").
// PGlite runs every statement synchronously in WebAssembly on the thread that owns it; owned by a
// worker thread, it uses the machine's second core instead of stalling the requests. This is the
// main thread's side: the part of PGlite's interface that pglite-prisma-adapter and sqlRows use
// (query with params, row mode and parsers; exec; transaction with query/exec/rollback; close),
// passed as messages to lib/db/pglite-worker.mjs. No `server-only` marker: tests use it directly.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages, types } from "@electric-sql/pglite";
import { acquireLock } from "@/lib/db/lock";

type Parser = (value: string, typeId: number) => unknown;
export type ThreadQueryOptions = { rowMode?: "object" | "array"; parsers?: Record<number, Parser> };
type Field = { name: string; dataTypeID: number };
export type ThreadResults<T = Record<string, unknown>> = {
  rows: T[];
  fields: Field[];
  affectedRows?: number;
  rowCount?: number;
};
type RawResults = { rows: (string | null)[][]; fields: Field[]; affectedRows?: number; rowCount?: number };

export type ThreadTransaction = {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: ThreadQueryOptions,
  ): Promise<ThreadResults<T>>;
  exec(sql: string): Promise<ThreadResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
};

export type PgliteThread = Omit<ThreadTransaction, "rollback" | "closed"> & {
  transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T>;
  /** Resolves once the database has started in its worker; rejects with why it could not. */
  readonly waitReady: Promise<void>;
  readonly closed: boolean;
};

export type OpenPgliteThread = {
  pglite: PgliteThread;
  /** Flushes and closes the database, ends the worker, releases the lock. Safe to call twice. */
  close(): Promise<void>;
  /** The thread itself (its id in diagnostics; tests stop it to check that callers fail, not hang). */
  worker: Worker;
};

/** The worker's script, a plain file beside this one in the source tree (never bundled). */
export const PGLITE_WORKER_FILE = path.join("lib", "db", "pglite-worker.mjs");

type SerialisedError = { message: string; database: boolean; stack?: string } & Record<string, unknown>;
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerialisedError };
type Pending = { resolve(value: unknown): void; reject(error: Error): void };

// The worker is found from the project root at run time: Next's production build bundles server
// code into chunks, so a path relative to this module would point into `.next`. Every way of
// running the app (npm scripts, the production server, vitest) starts in the project root.
function workerScript(): string {
  const file = path.resolve(process.cwd(), PGLITE_WORKER_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(
      `The embedded database's worker script ${file} is missing: start the app from the project's root directory`,
    );
  }
  return file;
}

/** As PGlite: a type without a parser stays text. */
const parseValue = (parser: Parser | undefined, value: string, typeId: number) =>
  parser ? parser(value, typeId) : value;

// A DatabaseError from the worker becomes one again here, with its code, detail and constraint:
// the Prisma adapter maps those to Prisma's errors (unique violations, …) by `instanceof`.
function revive(error: SerialisedError): Error {
  const { message, database, stack, ...fields } = error;
  const revived = database
    ? new messages.DatabaseError(message, Number(fields.length ?? 0), "error")
    : new Error(message);
  Object.assign(revived, fields);
  if (stack) revived.stack = `${stack}\n    (in the embedded database's worker thread)`;
  return revived;
}

/**
 * Opens the embedded database in `dataDir` on a worker thread, under its lock (taken here, at once,
 * so a second opener gets DatabaseLockedError synchronously as with openPglite; released once the
 * worker has closed the database, or has died).
 */
export function openPgliteThread(dataDir: string, purpose: string): OpenPgliteThread {
  const release = acquireLock(dataDir, purpose);
  let worker: Worker;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    worker = new Worker(workerScript(), { workerData: { dataDir }, name: "pglite" });
  } catch (error) {
    release();
    throw error;
  }

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let nextTx = 1;
  let failure: Error | undefined;
  let closing: Promise<void> | undefined;
  let closed = false;
  const base: Record<number, Parser> = { ...(types.parsers as Record<number, Parser>) };

  let markReady!: () => void;
  let markFailed!: (error: Error) => void;
  const waitReady = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Nobody may be waiting for start-up; a failure still reaches every query.
  waitReady.catch(() => {});

  const fail = (error: Error) => {
    failure ??= error;
    markFailed(failure);
    for (const request of pending.values()) request.reject(failure);
    pending.clear();
  };

  worker.on("message", (reply: Reply) => {
    if (reply.id === 0) {
      if (!reply.ok) return fail(revive(reply.error));
      // PGlite parses an array type with its element type's parser, as here.
      for (const [oid, typarray] of (reply.value as { arrayTypes: [number, number][] }).arrayTypes) {
        base[typarray] = (value) =>
          types.arrayParser(value, (element) => parseValue(base[oid], element, oid), typarray);
      }
      return markReady();
    }
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (reply.ok) request.resolve(reply.value);
    else request.reject(revive(reply.error));
  });
  worker.on("error", (error) => {
    fail(new Error(`The embedded database's worker thread failed: ${error.message}`, { cause: error }));
  });
  worker.on("exit", (code) => {
    closed = true;
    if (!closing) fail(new Error(`The embedded database's worker thread exited unexpectedly (code ${code})`));
    else fail(new Error("The embedded database is closed"));
    release();
  });

  const call = (message: Record<string, unknown>): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    if (closing && message.op !== "close") return Promise.reject(new Error("The embedded database is closed"));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };

  const parse = <T>(raw: RawResults, options?: ThreadQueryOptions): ThreadResults<T> => {
    const parsers = raw.fields.map((field) => options?.parsers?.[field.dataTypeID] ?? base[field.dataTypeID]);
    const arrays = raw.rows.map((row) =>
      row.map((value, i) => (value === null ? null : parseValue(parsers[i], value, raw.fields[i]!.dataTypeID))),
    );
    const rows =
      options?.rowMode === "array"
        ? arrays
        : arrays.map((values) => Object.fromEntries(raw.fields.map((field, i) => [field.name, values[i]])));
    return { ...raw, rows: rows as T[] };
  };

  const query = async <T>(
    sql: string,
    params: readonly unknown[] = [],
    options?: ThreadQueryOptions,
    tx?: number,
  ): Promise<ThreadResults<T>> => {
    const raw = (await call({ op: "query", sql, params, tx })) as RawResults;
    await waitReady; // the array parsers arrive before any answer; this only orders the promise
    return parse<T>(raw, options);
  };
  const exec = async (sql: string, tx?: number): Promise<ThreadResults[]> => {
    const raw = (await call({ op: "exec", sql, tx })) as RawResults[];
    await waitReady;
    return raw.map((result) => parse(result));
  };

  const pglite: PgliteThread = {
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql) => exec(sql),
    // The worker runs the transaction inside PGlite's own: its statements in order, every other
    // query waiting for it (PGlite's transaction mutex), COMMIT when the callback resolves and
    // ROLLBACK when it throws — as when PGlite ran on this thread.
    async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
      const id = nextTx++;
      await call({ op: "begin", tx: id });
      let txClosed = false;
      const ensureOpen = () => {
        if (txClosed) throw new Error("Transaction is closed");
      };
      const tx: ThreadTransaction = {
        query: async (sql, params, options) => (ensureOpen(), query(sql, params, options, id)),
        exec: async (sql) => (ensureOpen(), exec(sql, id)),
        async rollback() {
          ensureOpen();
          await call({ op: "rollback", tx: id });
          txClosed = true;
        },
        get closed() {
          return txClosed;
        },
      };
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        txClosed = true;
        await call({ op: "end", tx: id, commit: false }).catch(() => {});
        throw error;
      }
      txClosed = true;
      await call({ op: "end", tx: id, commit: true });
      return result;
    },
    waitReady,
    get closed() {
      return closed || closing !== undefined;
    },
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        // Flushes the data directory; a dead worker has nothing left to flush.
        if (!failure) await call({ op: "close" });
      } finally {
        await worker.terminate();
        release();
      }
    })();
    return closing;
  };

  return { pglite, close, worker };
}
