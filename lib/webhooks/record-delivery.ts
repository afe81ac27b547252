import "server-only";
import { randomUUID } from "node:crypto";
import { onBeforeDisconnect, sqlRows, utcTimestampText } from "@/lib/db";
import { log } from "@/lib/log";

// One row per webhook request, whatever happened to it, for the admin's webhook log. Rows are
// buffered and written in batches (one INSERT per FLUSH_MS or MAX_ROWS), off the request's path:
// a burst of webhooks must not pay one insert each. The price, by design: a crash (kill -9) loses
// the last fraction of a second of LOG rows — never an event (events are stored and applied before
// their 2xx) — and the stdout log line below is written synchronously for every request anyway.

export type Verdict = "accepted" | "duplicate" | "rejected_signature" | "invalid" | "unknown_workspace" | "failed";

export type DeliveryRecord = {
  workspaceId: string | null;
  route: string;
  kind?: string | null;
  eventId?: string | null;
  verdict: Verdict;
  statusCode: number;
  latencyMs: number;
  error?: string | null;
  deliveryId?: string | null;
};

export const FLUSH_MS = 100;
const MAX_ROWS = 250;
/** Past this many unwritten rows (the database is down), the oldest are dropped rather than hoarded. */
const MAX_BUFFERED = 20_000;

type Row = ReturnType<typeof toRow>;
type Buffer = { rows: Row[]; timer?: NodeJS.Timeout; flushing?: Promise<void>; hooked?: boolean };
// On globalThis: tests (and dev reloads) may load this module twice in one process.
const store = globalThis as typeof globalThis & { __mkutanoDeliveryLog?: Buffer };
const buffer = (store.__mkutanoDeliveryLog ??= { rows: [] });

/** Logs the request now and queues its row; never throws and never waits for the database. */
export function recordDelivery(r: DeliveryRecord): void {
  // The line is built only when its level is on (production under load often runs at warn/error).
  const applied = r.verdict === "accepted" || r.verdict === "duplicate";
  if (log.isLevelEnabled(applied ? "info" : "warn")) {
    const line = { ...r, error: r.error ?? undefined };
    if (applied) log.info(line, "webhook");
    else log.warn(line, "webhook not applied");
  }
  if (!buffer.hooked) {
    buffer.hooked = true;
    onBeforeDisconnect(flushDeliveryLog);
  }
  buffer.rows.push(toRow(r));
  if (buffer.rows.length > MAX_BUFFERED) {
    const dropped = buffer.rows.splice(0, buffer.rows.length - MAX_BUFFERED).length;
    log.error({ dropped }, "webhook log buffer full; oldest rows dropped");
  }
  if (buffer.rows.length >= MAX_ROWS) void flushDeliveryLog();
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushDeliveryLog(), FLUSH_MS);
    // A pending log write never keeps a process alive; shutdown flushes (lib/db.ts disconnectDb).
    buffer.timer.unref?.();
  }
}

/** Writes every queued row (shutdown, tests). Failures are logged, never thrown. */
export async function flushDeliveryLog(): Promise<void> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = undefined;
  // One write at a time; rows queued meanwhile go in the next one.
  while (buffer.flushing) await buffer.flushing;
  if (buffer.rows.length === 0) return;
  const rows = buffer.rows.splice(0, MAX_ROWS);
  buffer.flushing = write(rows).finally(() => (buffer.flushing = undefined));
  await buffer.flushing;
  if (buffer.rows.length) await flushDeliveryLog();
}

// One statement per batch, whatever its size, on the driver adapter's own connections: through
// Prisma, the createMany of a busy second's rows cost about a sixth of the join callback's CPU (its
// query compiler and serialiser, per row and column), more than the callback itself (ADR 0024,
// "Addendum — the delivery log and the Next floor"). The columns are the ones Prisma's migrations
// create; the webhook log's integration tests read them back on both databases.
const INSERT_SQL = `
  INSERT INTO "WebhookDelivery"
    ("id", "workspaceId", "route", "kind", "eventId", "verdict", "statusCode", "latencyMs", "error", "deliveryId", "receivedAt")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
    $9::text[], $10::text[], $11::timestamp(3)[])`;

async function write(rows: Row[]): Promise<void> {
  try {
    const column = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    await sqlRows(INSERT_SQL, [
      rows.map(() => randomUUID()),
      column("workspaceId"),
      column("route"),
      column("kind"),
      column("eventId"),
      column("verdict"),
      column("statusCode"),
      column("latencyMs"),
      column("error"),
      column("deliveryId"),
      rows.map((r) => utcTimestampText(r.receivedAt)),
    ]);
  } catch (err) {
    // The log is for people; losing rows must not turn an applied event into a retry storm.
    log.error({ err, rows: rows.length }, "could not record webhook deliveries");
  }
}

function toRow(r: DeliveryRecord) {
  return {
    workspaceId: r.workspaceId,
    route: r.route,
    kind: r.kind?.slice(0, 100) ?? null,
    eventId: r.eventId?.slice(0, 200) ?? null,
    verdict: r.verdict,
    statusCode: r.statusCode,
    latencyMs: Math.max(0, Math.round(r.latencyMs)),
    error: r.error?.slice(0, 1000) ?? null,
    deliveryId: r.deliveryId?.slice(0, 200) ?? null,
    // The request's time, not the flush's, so the log's order and ages stay true.
    receivedAt: new Date(),
  };
}
