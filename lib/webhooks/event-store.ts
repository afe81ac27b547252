import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, sqlRows, utcTimestampText } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { groupCommit, oneByOne } from "@/lib/db/group-commit";
import { storableJson } from "@/lib/webhooks/parse-body";

// The durable, deduplicated store of inbound events. An event is stored before it is applied;
// a unique (workspaceId, eventId) key turns every redelivery into a no-op, and a claim makes sure
// only one request applies an event while a failed apply is picked up by a later redelivery.

/** A claim older than this is treated as abandoned (its request crashed or timed out). */
export const STALE_CLAIM_MS = 30_000;

export type StoredEventInput = {
  workspaceId: string;
  eventId?: string;
  kind: string;
  route: string;
  callId?: string;
  roomName?: string;
  sequence?: number;
  payload: unknown;
  /** The verified body exactly as it arrived. */
  rawBody: string | Uint8Array;
  contentType?: string | null;
  occurredAt?: Date;
  signedAt?: Date;
};

export type StoreOutcome = { status: "claimed" | "duplicate" | "in_progress"; rowId: string; eventKey: string };

export function eventKeyFor(eventId: string | undefined, rawBody: string | Uint8Array): string {
  return eventId ?? `sha256:${createHash("sha256").update(rawBody).digest("hex")}`;
}

/**
 * The raw body as the columns can hold it. PostgreSQL text takes neither U+0000 nor invalid UTF-8,
 * and refusing a signed event would make Sautikit retry it until it gives up (the event lost). So
 * `rawBody` holds the text when it is exactly the bytes; otherwise a readable copy (U+FFFD for each
 * bad byte and NUL) and `rawBytes` the exact bytes.
 */
export function storableRawBody(raw: string | Uint8Array): { rawBody: string; rawBytes?: Uint8Array<ArrayBuffer> } {
  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  let text: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !text.includes("\u0000")) return { rawBody: text };
  const readable = Buffer.from(bytes).toString("utf8").replaceAll("\u0000", "\uFFFD");
  return { rawBody: readable, rawBytes: new Uint8Array(bytes) };
}

/** Events stored (and claimed) per INSERT: Sautikit bodies are small, and a batch stays one round trip. */
const MAX_STORE_BATCH = 200;

type StoreItem = { input: StoredEventInput; now: Date; eventKey: string };

/**
 * Stores a new event and claims it, or tells what became of an earlier copy. Events arriving
 * together are inserted together (one `INSERT … ON CONFLICT DO NOTHING RETURNING`); a copy of an
 * event already stored — rare — takes the one-by-one path below.
 */
export async function storeAndClaimEvent(input: StoredEventInput, now: Date = new Date()): Promise<StoreOutcome> {
  const eventKey = eventKeyFor(input.eventId, input.rawBody);
  const claimed = await storeBatcher.submit({ input, now, eventKey });
  return claimed ?? claimExisting(input, eventKey, now);
}

const storeBatcher = groupCommit<StoreItem, StoreOutcome | null>(
  async (items) => {
    let created: { id: string; workspaceId: string; eventId: string }[];
    try {
      created = await insertEvents(items);
    } catch {
      // One row the database refuses must not fail its neighbours: each gets its own verdict.
      return oneByOne(items, (i) => storeOne(i));
    }
    const ids = new Map(created.map((r) => [`${r.workspaceId} ${r.eventId}`, r.id]));
    return items.map((i) => {
      const k = `${i.input.workspaceId} ${i.eventKey}`;
      const id = ids.get(k);
      // The first copy inside the batch owns the new row; a second copy is a redelivery of it.
      if (id) ids.delete(k);
      return { ok: true as const, value: id ? { status: "claimed" as const, rowId: id, eventKey: i.eventKey } : null };
    });
  },
  { name: "webhook-event-store", maxBatch: MAX_STORE_BATCH },
);

// A batch of events in one statement on the adapter's pool (lib/db.ts sqlRows), not Prisma's
// createManyAndReturn: on the ingest path its query compiler and serialiser, per row and column,
// were the largest share of the CPU left after the roster batch went set-based (ADR 0024). Same
// columns and values as rowData (the one-by-one fallback below); ids and times from the app, times
// as UTC text, as Prisma writes them; ON CONFLICT … RETURNING yields only the rows inserted.
const INSERT_EVENTS_SQL = `
  INSERT INTO "WebhookEvent" (id, "workspaceId", "eventId", kind, route, "callId", "roomName", sequence, payload,
    "rawBody", "rawBytes", "contentType", "occurredAt", "signedAt", "claimedAt", "receivedAt", "applyAttempts")
  SELECT u.*, $16::timestamp(3), 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::text[], $8::text[]::bigint[], $9::text[]::jsonb[], $10::text[], $11::text[]::bytea[], $12::text[],
    $13::text[]::timestamp(3)[], $14::text[]::timestamp(3)[], $15::text[]::timestamp(3)[]) AS u
  ON CONFLICT ("workspaceId", "eventId") DO NOTHING
  RETURNING id, "workspaceId", "eventId"`;

function insertEvents(items: StoreItem[]) {
  // Straight from the inputs (the same values as rowData): the payload is serialised once here, not
  // copied through JSON first as Prisma's input needs.
  const bodies = items.map((i) => storableRawBody(i.input.rawBody));
  const col = <T>(f: (input: StoredEventInput) => T) => items.map((i) => f(i.input));
  const time = (d: Date | undefined) => (d ? utcTimestampText(d) : null);
  return sqlRows<{ id: string; workspaceId: string; eventId: string }>(INSERT_EVENTS_SQL, [
    items.map(() => randomUUID()),
    col((i) => i.workspaceId),
    items.map((i) => i.eventKey),
    col((i) => i.kind),
    col((i) => i.route ?? ""),
    col((i) => i.callId ?? null),
    col((i) => i.roomName ?? null),
    col((i) => (i.sequence === undefined ? null : String(BigInt(i.sequence)))),
    col((i) => JSON.stringify(storableJson(i.payload ?? {}))),
    bodies.map((b) => b.rawBody),
    bodies.map((b) => (b.rawBytes ? `\\x${Buffer.from(b.rawBytes).toString("hex")}` : null)),
    col((i) => i.contentType ?? null),
    col((i) => time(i.occurredAt)),
    col((i) => time(i.signedAt)),
    items.map((i) => utcTimestampText(i.now)),
    utcTimestampText(new Date()),
  ]);
}

async function storeOne({ input, eventKey, now }: StoreItem): Promise<StoreOutcome | null> {
  try {
    const row = await db.webhookEvent.create({ data: rowData(input, eventKey, now), select: { id: true } });
    return { status: "claimed", rowId: row.id, eventKey };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return null;
    throw err;
  }
}

function rowData(input: StoredEventInput, eventKey: string, now: Date): Prisma.WebhookEventCreateManyInput {
  return {
    workspaceId: input.workspaceId,
    eventId: eventKey,
    kind: input.kind,
    route: input.route,
    callId: input.callId,
    roomName: input.roomName,
    sequence: input.sequence === undefined ? undefined : BigInt(input.sequence),
    payload: storableJson(JSON.parse(JSON.stringify(input.payload ?? {}))) as Prisma.InputJsonValue,
    ...storableRawBody(input.rawBody),
    contentType: input.contentType ?? undefined,
    occurredAt: input.occurredAt,
    signedAt: input.signedAt,
    claimedAt: now,
    applyAttempts: 1,
  };
}

async function claimExisting(input: StoredEventInput, eventKey: string, now: Date): Promise<StoreOutcome> {
  const key = { workspaceId_eventId: { workspaceId: input.workspaceId, eventId: eventKey } };
  // Seen before. Take it over only if it was never applied and nobody is applying it right now.
  const taken = await db.webhookEvent.updateMany({
    where: {
      workspaceId: input.workspaceId,
      eventId: eventKey,
      appliedAt: null,
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } }],
    },
    data: { claimedAt: now, applyAttempts: { increment: 1 }, deliveryCount: { increment: 1 } },
  });
  if (taken.count === 1) {
    const row = await db.webhookEvent.findUniqueOrThrow({ where: key, select: { id: true } });
    return { status: "claimed", rowId: row.id, eventKey };
  }
  const row = await db.webhookEvent.update({
    where: key,
    data: { deliveryCount: { increment: 1 } },
    select: { id: true, appliedAt: true },
  });
  // Not applied yet and claimed by a live request — or by one that crashed (kill -9) before it
  // finished. Answering 2xx here would make Sautikit stop retrying an event nobody applied.
  return { status: row.appliedAt ? "duplicate" : "in_progress", rowId: row.id, eventKey };
}

/** Waits (briefly) for another request's apply of this event: applied, released (it failed), or still claimed. */
export async function waitForOtherApply(rowId: string, timeoutMs: number): Promise<"applied" | "released" | "claimed"> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.webhookEvent.findUnique({
      where: { id: rowId },
      select: { appliedAt: true, claimedAt: true },
    });
    if (!row || row.appliedAt) return "applied";
    if (!row.claimedAt) return "released";
    if (Date.now() >= deadline) return "claimed";
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Marks an event applied (durably: callers answer 2xx only after this resolves). */
export async function markEventApplied(rowId: string, error?: string): Promise<void> {
  // An error note is rare (a 4xx apply); plain marks from concurrent requests share one UPDATE.
  if (error !== undefined) return markOne(rowId, error);
  await markBatcher.submit(rowId);
}

const markBatcher = groupCommit<string, void>(
  async (ids) => {
    try {
      // One statement on the adapter's pool, as the insert above.
      await sqlRows(MARK_APPLIED_SQL, [ids, utcTimestampText(new Date())]);
      return ids.map(() => ({ ok: true as const, value: undefined }));
    } catch {
      return oneByOne(ids, (id) => markOne(id));
    }
  },
  { name: "webhook-event-applied", maxBatch: 500 },
);

const MARK_APPLIED_SQL = `
  UPDATE "WebhookEvent" SET "appliedAt" = $2::timestamp(3), "claimedAt" = NULL, "lastError" = NULL WHERE id = ANY($1::text[])`;

async function markOne(rowId: string, error?: string): Promise<void> {
  await db.webhookEvent.update({
    where: { id: rowId },
    data: { appliedAt: new Date(), claimedAt: null, lastError: error ?? null },
  });
}

/** Releases the claim so Sautikit's next delivery of this event applies it again. */
export async function releaseEvent(rowId: string, error: string): Promise<void> {
  await db.webhookEvent.update({ where: { id: rowId }, data: { claimedAt: null, lastError: error.slice(0, 1000) } });
}
