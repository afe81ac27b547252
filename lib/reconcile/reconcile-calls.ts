import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { SautikitCall } from "@/lib/sautikit/responses";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { unavailableReason, type UnavailableReason } from "@/lib/sautikit/unavailable-reason";
import { assertAdmin } from "@/lib/workspaces/assert-admin";
import { legPurpose } from "@/lib/shared/roster-types";
import { compareLeg, type CallLogRow, type LegFacts } from "@/lib/reconcile/compare-leg";
import { forViewer } from "@/lib/privacy/phone-visibility";

// The admin's call log: the app's own legs, each checked against Sautikit's record of the same call
// (GET /v1/calls). A difference in status, billed seconds or cost is shown, never papered over:
// it means a webhook was lost or Sautikit billed something the app did not expect.

export const callLogQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(90).default(7),
  onlyMismatches: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export type CallLog = {
  rows: CallLogRow[];
  /** Calls Sautikit has in the window that no leg of the app knows about. */
  unknownCalls: {
    callId: string;
    direction: string;
    remote: string | null;
    status: string;
    durationSeconds: number | null;
    costMinor: number | null;
    startedAt: string | null;
  }[];
  /** Whether Sautikit's records could be read (the page says why not in the reader's language). */
  sautikit: { status: "ok" } | { status: "unavailable"; reason: UnavailableReason };
  since: string;
  mismatches: number;
};

const MAX_LEGS = 500;
const PAGE = 100;
const MAX_PAGES = 20;

export async function reconcileCalls(
  actor: Actor,
  opts: Partial<z.output<typeof callLogQuerySchema>> = {},
): Promise<CallLog> {
  assertAdmin(actor);
  const days = Math.min(90, Math.max(1, Math.floor(opts.days ?? 7)));
  const onlyMismatches = opts.onlyMismatches ?? false;
  const since = new Date(Date.now() - days * 86_400_000);
  const legs = await db.leg.findMany({
    where: { workspaceId: actor.workspaceId, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_LEGS,
    include: { meeting: { select: { id: true, title: true } }, participant: { select: { name: true, role: true } } },
  });

  const remote = new Map<string, SautikitCall>();
  let sautikit: CallLog["sautikit"] = { status: "ok" };
  try {
    const client = await getSautikitClient(actor.workspaceId);
    // Newest first: page until the window is passed. Legs older than the pages read are looked up one by one.
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.calls.list({ limit: PAGE, cursor });
      for (const c of res.data) remote.set(c.id, c);
      const oldest = res.data.at(-1)?.started_at ?? res.data.at(-1)?.created_at;
      cursor = res.next_cursor ?? undefined;
      if (!cursor || (typeof oldest === "string" && new Date(oldest) < since)) break;
    }
    const missing = legs.filter((l) => l.callId && !remote.has(l.callId)).slice(0, 50);
    for (const l of missing) {
      try {
        remote.set(l.callId!, await client.calls.get(l.callId!));
      } catch (err) {
        log.debug({ err, callId: l.callId }, "call not found at Sautikit");
      }
    }
  } catch (err) {
    log.warn({ err, workspaceId: actor.workspaceId }, "call log: Sautikit unavailable");
    sautikit = { status: "unavailable", reason: unavailableReason(err) };
  }

  const known = new Set<string>();
  const rows = legs.map((l) => {
    if (l.callId) known.add(l.callId);
    const facts: LegFacts = {
      legId: l.id,
      callId: l.callId,
      meetingId: l.meetingId,
      meetingTitle: l.meeting.title,
      participantName: l.participant?.name ?? null,
      // The role the caller was let in with (host PIN) wins over the listed one.
      role: l.admittedRole ?? l.participant?.role ?? "participant",
      direction: l.direction,
      phone: l.direction === "inbound" ? l.fromE164 : l.toE164,
      purpose: legPurpose(l.purpose),
      state: l.state,
      endReason: l.endReason,
      answeredAt: l.answeredAt,
      endedAt: l.endedAt,
      createdAt: l.createdAt,
      durationSeconds: l.durationSeconds,
      costMinor: l.costMinor,
    };
    return compareLeg(facts, l.callId ? remote.get(l.callId) : undefined, sautikit.status === "ok");
  });

  const unknownCalls =
    sautikit.status === "ok"
      ? [...remote.values()]
          .filter(
            (c) =>
              !known.has(c.id) &&
              (c.started_at ?? c.created_at) &&
              new Date(String(c.started_at ?? c.created_at)) >= since,
          )
          .map((c) => ({
            callId: c.id,
            direction: c.direction,
            remote: c.remote_e164 ?? null,
            status: c.status,
            durationSeconds: c.duration_seconds ?? null,
            costMinor: c.cost_minor ?? null,
            startedAt: c.started_at ?? null,
          }))
      : [];
  const mismatches = rows.filter((r) => r.issues.length > 0).length;
  return forViewer(actor, {
    rows: onlyMismatches ? rows.filter((r) => r.issues.length > 0) : rows,
    unknownCalls,
    sautikit,
    since: since.toISOString(),
    mismatches,
  });
}
