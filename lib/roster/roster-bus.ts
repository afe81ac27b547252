import "server-only";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// Fan-out from "a meeting's roster changed" to its open SSE streams, in this process and (on
// PostgreSQL) in every other app instance: one dedicated connection per process LISTENs on a
// channel and NOTIFYs it, so a change handled by instance A reaches a browser connected to B with
// no extra service. The embedded database is single-process, so it stays in-process only.
// A notification is a hint, never the data: streams re-read the roster and also poll, so a
// notification lost while the connection was down costs latency, not correctness.

export const ROSTER_CHANNEL = "mkutano_roster";
const MAX_BACKOFF_MS = 5_000;

type Fanout = {
  url: string;
  publish(meetingId: string): void;
  ensure(): void;
  close(): Promise<void>;
  ready(): Promise<void>;
};
const store = globalThis as typeof globalThis & { __mkutanoRosterBus?: EventEmitter; __mkutanoRosterFanout?: Fanout };
const bus = (store.__mkutanoRosterBus ??= new EventEmitter().setMaxListeners(0));
const instanceId = randomUUID();

export function notifyRosterChanged(meetingId: string): void {
  bus.emit(meetingId);
  fanout()?.publish(meetingId);
}

export function onRosterChanged(meetingId: string, listener: () => void): () => void {
  bus.on(meetingId, listener);
  fanout()?.ensure();
  return () => bus.off(meetingId, listener);
}

/** Resolves once this process listens for other instances' changes (immediately when in-process only). */
export async function rosterBusReady(): Promise<void> {
  await fanout()?.ready();
}

/** Closes the LISTEN connection (shutdown, tests); it reopens on the next use. */
export async function closeRosterBus(): Promise<void> {
  const current = store.__mkutanoRosterFanout;
  store.__mkutanoRosterFanout = undefined;
  await current?.close();
}

function fanout(): Fanout | undefined {
  const url = env().DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(url)) return undefined;
  const current = store.__mkutanoRosterFanout;
  if (current?.url === url) return current;
  // Only tests switch databases inside one process.
  if (current) void current.close();
  store.__mkutanoRosterFanout = createFanout(url);
  return store.__mkutanoRosterFanout;
}

function createFanout(url: string): Fanout {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let backoff = 250;
  let closed = false;
  const pending = new Set<string>();
  let flushing = false;

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url, application_name: "mkutano-roster-bus" });
      c.on("error", (err) => {
        log.warn({ err }, "roster bus connection failed; reconnecting");
        lost(c);
      });
      c.on("end", () => lost(c));
      c.on("notification", (msg) => {
        if (msg.channel !== ROSTER_CHANNEL || !msg.payload) return;
        const [from, meetingId] = msg.payload.split(" ");
        if (from !== instanceId && meetingId) bus.emit(meetingId);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${ROSTER_CHANNEL}`);
        // A listener must never be what keeps a process (a script, a test worker) alive.
        (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      } catch (err) {
        void c.end().catch(() => {});
        throw err;
      }
      if (closed) {
        void c.end().catch(() => {});
        throw new Error("roster bus closed");
      }
      client = c;
      backoff = 250;
      // Changes may have been announced while not listening: every open stream re-reads once.
      for (const name of bus.eventNames()) bus.emit(name);
      if (pending.size) flush();
      return c;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err: unknown) => {
        if (closed) return;
        // The database is gone (dropped): nothing left to listen to.
        if ((err as { code?: string }).code === "3D000") return void (closed = true);
        log.warn({ err }, "roster bus cannot reach PostgreSQL; retrying");
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        scheduleReconnect();
      });
    }, backoff);
    retry.unref?.();
  };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    scheduleReconnect();
  };

  // Coalesces a burst of changes into one round trip (one NOTIFY per meeting, not per event).
  const flush = () => {
    if (flushing || !pending.size) return;
    flushing = true;
    setImmediate(async () => {
      const ids = [...pending];
      pending.clear();
      try {
        const c = await connect();
        await c.query("SELECT pg_notify($1, $2 || ' ' || id) FROM unnest($3::text[]) AS id", [
          ROSTER_CHANNEL,
          instanceId,
          ids,
        ]);
      } catch (err) {
        // Other instances still pick the change up through their streams' polling.
        if (!closed) log.warn({ err, meetings: ids.length }, "roster bus could not notify other instances");
        scheduleReconnect();
      } finally {
        flushing = false;
        if (pending.size && client) flush();
      }
    });
  };

  return {
    url,
    publish(meetingId) {
      if (closed) return;
      pending.add(meetingId);
      flush();
    },
    ensure() {
      if (closed || client || connecting) return;
      connect().catch(() => scheduleReconnect());
    },
    async ready() {
      await connect();
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
