// The embedded database's own thread (ADR "embedded database off the request thread"). Started by
// lib/db/pglite-thread.ts with `new Worker(<this file>)`; it owns the one PGlite instance of a data
// directory and answers the main thread's messages. Plain ESM importing only node_modules, so it
// runs as it is on disk under Next's production build, tsx and vitest alike (no bundler involved).
//
// Messages in: { id, op: "query" | "exec" | "begin" | "rollback" | "end" | "close", tx?, sql?, params? }.
// Answers out: { id, ok: true, value } or { id, ok: false, error }. Rows come back as raw text (every
// parser is the identity here) with each field's type OID; the main thread parses them with
// PGlite's own parsers plus the caller's (parsers are functions: they cannot cross threads).
import { parentPort, workerData } from "node:worker_threads";
import { messages, PGlite } from "@electric-sql/pglite";

const { dataDir } = workerData;
const pglite = new PGlite(dataDir);
/** @type {Map<number, { tx: any, finish: { resolve: () => void, reject: (e: Error) => void }, done: Promise<unknown>, chain: Promise<unknown> }>} */
const transactions = new Map();

const raw = (value) => value;

// PGlite fills its parsers (array types included) while starting; from then on every value stays text.
const ready = pglite.waitReady.then(async () => {
  const arrays = await pglite.query(
    `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a JOIN pg_catalog.pg_type b ON b.oid = a.typelem
     WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`,
    [],
    { rowMode: "array" },
  );
  for (const key of Object.keys(pglite.parsers)) pglite.parsers[key] = raw;
  return arrays.rows.map(([oid, typarray]) => [Number(oid), Number(typarray)]);
});

function serialiseError(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const out = { message: e.message, name: e.name, stack: e.stack, database: e instanceof messages.DatabaseError };
  // A DatabaseError's fields (code, detail, constraint, …) and PGlite's query context; all plain values.
  for (const [key, value] of Object.entries(e)) {
    if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value)) out[key] = value;
  }
  return out;
}

const slim = (result) => ({
  rows: result.rows,
  fields: result.fields,
  affectedRows: result.affectedRows,
  ...(result.rowCount === undefined ? {} : { rowCount: result.rowCount }),
});

// Always arrays of values: smaller to copy than objects, and the main thread builds objects by
// field order exactly as PGlite does (a later column of the same name wins).
const ARRAYS = { rowMode: "array" };

function txOf(id) {
  const state = transactions.get(id);
  if (!state) throw new Error(`transaction ${id} is not open in the embedded database's worker`);
  return state;
}

// The operations of one transaction run in the order the main thread sent them (a rollback the
// adapter does not await still completes before the transaction's end is handled).
function inTransaction(id, work) {
  const state = txOf(id);
  const next = state.chain.then(() => work(state));
  state.chain = next.catch(() => {});
  return next;
}

function begin(id) {
  let started;
  const open = new Promise((resolve) => (started = resolve));
  const done = pglite.transaction(async (tx) => {
    const finished = new Promise((resolve, reject) => {
      transactions.set(id, { tx, finish: { resolve, reject }, done, chain: Promise.resolve() });
    });
    started();
    await finished;
  });
  // Either the transaction is open (BEGIN ran), or it failed before its callback ran.
  return Promise.race([open, done]).then(() => {
    if (!transactions.has(id)) throw new Error("the transaction could not be started");
    return null;
  });
}

async function end(id, commit) {
  return inTransaction(id, async (state) => {
    transactions.delete(id);
    if (commit) state.finish.resolve();
    else state.finish.reject(new Error("rolled back"));
    try {
      await state.done;
    } catch (error) {
      if (commit) throw error;
    }
    return null;
  });
}

async function handle(message) {
  await ready;
  switch (message.op) {
    case "query":
      if (message.tx !== undefined) {
        return inTransaction(message.tx, async ({ tx }) => slim(await tx.query(message.sql, message.params, ARRAYS)));
      }
      return slim(await pglite.query(message.sql, message.params, ARRAYS));
    case "exec":
      if (message.tx !== undefined) {
        return inTransaction(message.tx, async ({ tx }) => (await tx.exec(message.sql, ARRAYS)).map(slim));
      }
      return (await pglite.exec(message.sql, ARRAYS)).map(slim);
    case "begin":
      return begin(message.tx);
    case "rollback":
      return inTransaction(message.tx, async ({ tx }) => {
        await tx.rollback();
        return null;
      });
    case "end":
      return end(message.tx, message.commit);
    case "close":
      // Flushes the data directory and shuts the engine down; the main thread then releases the lock.
      if (!pglite.closed) await pglite.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on("message", (message) => {
  handle(message).then(
    (value) => parentPort.postMessage({ id: message.id, ok: true, value }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: serialiseError(error) }),
  );
});

// The array types PGlite knows, for the main thread's parsers; or why the database did not start.
ready.then(
  (arrayTypes) => parentPort.postMessage({ id: 0, ok: true, value: { arrayTypes } }),
  (error) => parentPort.postMessage({ id: 0, ok: false, error: serialiseError(error) }),
);
