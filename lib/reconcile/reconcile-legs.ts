import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { requeueWaitingDial } from "@/lib/meetings/requeue-dial";
import type { SautikitClient } from "@/lib/sautikit/client";
import { sautikitStatusOf } from "@/lib/sautikit/map-error";
import type { SautikitCall } from "@/lib/sautikit/responses";
import { clientFor } from "@/lib/sautikit/connection";
import type { CallOutcome, RosterEvent } from "@/lib/roster/roster-event";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";

// A lost call event must not leave a ghost on the roster. Legs that stayed non-terminal longer
// than expected are checked against Sautikit's own record (GET /v1/calls/{id}) and what Sautikit
// knows is stored as ordinary roster facts. The reducer merges facts monotonically, so a
// correction can only move a leg forward, and a late real event after it changes nothing.

/** Before answer a leg rings for at most the provider's ring timeout (~60 s); after, it may last hours. */
export const STALE_BEFORE_ANSWER_MS = 90_000;
export const STALE_AFTER_ANSWER_MS = 5 * 60_000;
/** Provider lookups per sweep, so a huge backlog never eats a workspace's API rate limit. */
export const MAX_CHECKS_PER_SWEEP = 25;

const PRE_ANSWER = ["created", "dialling", "ringing"];
const POST_ANSWER = ["answered", "waiting", "in_call"];
const TERMINAL: Record<string, CallOutcome> = {
  completed: "completed",
  no_answer: "no_answer",
  busy: "busy",
  failed: "failed",
  canceled: "canceled",
};

export type ReconcileResult = { checked: number; corrected: number; failed: number };

export async function reconcileStaleLegs(opts: { now?: Date; limit?: number } = {}): Promise<ReconcileResult> {
  const now = opts.now ?? new Date();
  const legs = await db.leg.findMany({
    where: {
      callId: { not: null },
      OR: [
        { state: { in: PRE_ANSWER }, updatedAt: { lt: new Date(now.getTime() - STALE_BEFORE_ANSWER_MS) } },
        { state: { in: POST_ANSWER }, updatedAt: { lt: new Date(now.getTime() - STALE_AFTER_ANSWER_MS) } },
      ],
    },
    // Oldest first; a checked leg is touched below, so a long backlog is worked through in turn.
    orderBy: { updatedAt: "asc" },
    take: opts.limit ?? MAX_CHECKS_PER_SWEEP,
    select: { id: true, workspaceId: true, meetingId: true, callId: true, state: true },
  });
  const result: ReconcileResult = { checked: 0, corrected: 0, failed: 0 };
  const clients = new Map<string, SautikitClient | null>();

  for (const leg of legs) {
    let client = clients.get(leg.workspaceId);
    if (client === undefined) {
      const conn = await db.sautikitConnection.findUnique({ where: { workspaceId: leg.workspaceId } });
      client = conn ? clientFor(conn, { maxAttempts: 1 }) : null;
      clients.set(leg.workspaceId, client);
    }
    if (!client) continue;
    let call: SautikitCall | null;
    try {
      call = await client.calls.get(leg.callId!);
    } catch (err) {
      if (sautikitStatusOf(err) !== 404) {
        result.failed++;
        log.warn({ err, legId: leg.id }, "reconcile: could not look up a call; will retry");
        continue;
      }
      call = null;
    }
    result.checked++;
    const facts = factsFor(leg, call, now);
    const applied = facts.length
      ? await db.$transaction((tx) => recordRosterEvents(tx, leg.workspaceId, leg.meetingId, facts))
      : false;
    if (applied) {
      result.corrected++;
      log.info(
        { legId: leg.id, callId: leg.callId, status: call?.status ?? "unknown" },
        "reconcile: corrected a stale leg",
      );
      notifyRosterChanged(leg.meetingId);
    }
    // Still live (or already corrected): wait a full period before asking about it again.
    await db.leg.updateMany({ where: { id: leg.id, updatedAt: { lt: now } }, data: { updatedAt: now } });
  }
  return result;
}

/** What Sautikit's record says, as roster facts keyed so a repeat check stores nothing new. */
export function factsFor(
  leg: { id: string; callId: string | null; state: string },
  call: SautikitCall | null,
  now: Date,
): RosterEvent[] {
  const legId = leg.id;
  const key = (what: string) => `reconcile:${leg.callId}:${what}`;
  if (!call) {
    // Sautikit has no such call: whatever was dialled is not live.
    return [
      {
        kind: "call.ended",
        outcome: "failed",
        durationSeconds: 0,
        costMinor: 0,
        key: key("ended"),
        legId,
        at: now.getTime(),
      },
    ];
  }
  const facts: RosterEvent[] = [];
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : now.getTime());
  if (call.answered_at && PRE_ANSWER.includes(leg.state))
    facts.push({ kind: "call.answered", key: key("answered"), legId, at: time(call.answered_at) });
  const outcome = TERMINAL[call.status];
  if (outcome) {
    facts.push({
      kind: "call.ended",
      outcome,
      durationSeconds: call.duration_seconds ?? 0,
      costMinor: call.cost_minor ?? 0,
      key: key("ended"),
      legId,
      at: time(call.ended_at),
    });
  }
  return facts;
}

/** A queued dial (no call id yet) untouched this long is checked: its job may have given up or vanished. */
export const STALE_QUEUED_MS = 2 * 60_000;

/**
 * Legs that never got a call id while their meeting is open: a dial whose job is gone or gave up
 * (e.g. it ran out of attempts under older rules, or was lost with a database restore) is queued
 * again under its own key. The job looks the call up by that key before it POSTs again (a POST that
 * timed out may have placed it), so nobody is called twice; a dial still in hand is left alone.
 */
export async function requeueStalledDials(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const legs = await db.leg.findMany({
    where: {
      callId: null,
      state: "created",
      direction: "outbound",
      idempotencyKey: { not: null },
      updatedAt: { lt: new Date(now.getTime() - STALE_QUEUED_MS) },
      meeting: { status: { in: ["scheduled", "live"] } },
    },
    orderBy: { updatedAt: "asc" },
    take: opts.limit ?? MAX_CHECKS_PER_SWEEP,
    select: { id: true, meetingId: true, state: true, callId: true, idempotencyKey: true },
  });
  let requeued = 0;
  for (const leg of legs) {
    const keys = [`dial:${leg.idempotencyKey}`, `flash:${leg.idempotencyKey}`];
    const live = await db.job.count({ where: { uniqueKey: { in: keys }, status: { in: ["pending", "running"] } } });
    if (live === 0 && (await requeueWaitingDial(db, leg, now))) {
      requeued++;
      log.warn({ legId: leg.id }, "reconcile: a queued dial had no job left; queued it again");
    }
    await db.leg.updateMany({ where: { id: leg.id, updatedAt: { lt: now } }, data: { updatedAt: now } });
  }
  if (requeued > 0) jobsEnqueued(now);
  return requeued;
}
