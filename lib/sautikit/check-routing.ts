import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { workspaceWebhookUrls } from "@/lib/sautikit/connect-workspace";
import { clientFor, findConnection, type ConnectionRow } from "@/lib/sautikit/connection";
import { noteSautikitAnswered } from "@/lib/sautikit/reachability";
import type { SautikitNumber } from "@/lib/sautikit/responses";

// Routing is checked, not assumed: each number the workspace uses is read back from Sautikit
// (GET /v1/numbers) and compared with what this workspace expects — its inbound voice URL and its
// call-events URL. Sautikit never returns a number's signing secret, so the secret is judged from
// what can be observed: the signatures of the webhooks that reach this workspace. Webhooks that
// fail verification after the last one that passed mean the numbers sign with another secret.

export const routingProblemSchema = z.object({
  role: z.enum(["dial_in", "caller_id"]),
  e164: z.string(),
  field: z.enum(["missing", "voice_callback_url", "events_url", "signing_secret"]),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
});
export type RoutingProblem = z.infer<typeof routingProblemSchema>;

export const secretEvidenceSchema = z.enum(["signatures_ok", "signatures_failing", "no_recent_webhooks"]);
export const routingReportSchema = z.object({
  problems: z.array(routingProblemSchema),
  secret: secretEvidenceSchema,
  /** When this app last routed the numbers itself: signatures from before then say nothing about the secret now in use. */
  routedAt: z.string().nullish(),
});
export type RoutingReport = z.infer<typeof routingReportSchema>;

export type RoutingCheck =
  ({ status: "checked" } & RoutingReport) | { status: "unavailable"; message: string } | { status: "not_connected" };

/** How far back webhook signatures count as evidence about the secret in use. */
export const SECRET_EVIDENCE_MS = 24 * 3_600_000;

/** Pure: the routing problems of the workspace's numbers as Sautikit lists them. */
export function compareRouting(
  conn: Pick<ConnectionRow, "dialInNumberId" | "dialInNumber" | "callerIdNumberId" | "callerIdNumber">,
  numbers: Pick<SautikitNumber, "id" | "e164" | "voice_callback_url" | "events_url">[],
  expected: { voiceInbound: string; callEvents: string },
): RoutingProblem[] {
  const problems: RoutingProblem[] = [];
  const wanted = [
    { role: "dial_in" as const, id: conn.dialInNumberId, e164: conn.dialInNumber },
    { role: "caller_id" as const, id: conn.callerIdNumberId, e164: conn.callerIdNumber },
  ];
  for (const w of wanted) {
    if (!w.id && !w.e164) continue;
    const n = numbers.find((x) => (w.id ? x.id === w.id : x.e164 === w.e164));
    const e164 = n?.e164 ?? w.e164 ?? w.id ?? "";
    if (!n) {
      problems.push({ role: w.role, e164, field: "missing", expected: null, actual: null });
      continue;
    }
    if ((n.voice_callback_url ?? null) !== expected.voiceInbound)
      problems.push({
        role: w.role,
        e164,
        field: "voice_callback_url",
        expected: expected.voiceInbound,
        actual: n.voice_callback_url ?? null,
      });
    if ((n.events_url ?? null) !== expected.callEvents)
      problems.push({
        role: w.role,
        e164,
        field: "events_url",
        expected: expected.callEvents,
        actual: n.events_url ?? null,
      });
  }
  return problems;
}

/** What the recent webhook signatures say about the secret Sautikit signs with. */
export async function secretEvidence(
  workspaceId: string,
  now: Date = new Date(),
  routedAt?: Date | null,
): Promise<RoutingReport["secret"]> {
  const window = now.getTime() - SECRET_EVIDENCE_MS;
  const since = new Date(routedAt ? Math.max(window, routedAt.getTime()) : window);
  const [lastGood, lastBad] = await Promise.all([
    db.webhookDelivery.findFirst({
      where: { workspaceId, receivedAt: { gte: since }, verdict: { in: ["accepted", "duplicate"] } },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true },
    }),
    db.webhookDelivery.findFirst({
      where: { workspaceId, receivedAt: { gte: since }, verdict: "rejected_signature" },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true },
    }),
  ]);
  if (lastBad && (!lastGood || lastBad.receivedAt > lastGood.receivedAt)) return "signatures_failing";
  return lastGood ? "signatures_ok" : "no_recent_webhooks";
}

/**
 * Reads the numbers' routing from Sautikit and stores the outcome on the connection. A change
 * (a mismatch appearing, changing or clearing) is written to the audit log; an unchanged result
 * is not, so the periodic check does not flood it.
 */
export async function checkRouting(
  workspaceId: string,
  opts: { actorId?: string | null; numbers?: SautikitNumber[]; now?: Date } = {},
): Promise<RoutingCheck> {
  const conn = await findConnection(workspaceId);
  if (!conn || (!conn.dialInNumberId && !conn.dialInNumber && !conn.callerIdNumberId && !conn.callerIdNumber))
    return { status: "not_connected" };
  let numbers = opts.numbers;
  if (!numbers) {
    try {
      numbers = await clientFor(conn, { timeoutMs: 5_000, maxAttempts: 2 }).numbers.list();
    } catch (err) {
      log.warn({ err, workspaceId }, "routing check: Sautikit could not be asked");
      return {
        status: "unavailable",
        message: err instanceof AppError ? err.message : "Sautikit could not be reached.",
      };
    }
  }
  await noteSautikitAnswered(workspaceId).catch(() => {});
  const problems = compareRouting(conn, numbers, workspaceWebhookUrls(workspaceId));
  const before = routingReportSchema.safeParse(conn.routingProblems);
  const routedAt = before.success && before.data.routedAt ? new Date(before.data.routedAt) : null;
  const secret = await secretEvidence(workspaceId, opts.now, routedAt);
  if (secret === "signatures_failing") {
    for (const [role, e164] of [
      ["dial_in", conn.dialInNumber],
      ["caller_id", conn.callerIdNumber],
    ] as const) {
      if (e164) problems.push({ role, e164, field: "signing_secret", expected: null, actual: null });
    }
  }
  const report: RoutingReport = { problems, secret, routedAt: routedAt?.toISOString() ?? null };
  const changed = !before.success || JSON.stringify(before.data.problems) !== JSON.stringify(problems);
  await db.sautikitConnection.update({
    where: { workspaceId },
    data: { routingCheckedAt: opts.now ?? new Date(), routingProblems: report },
  });
  if (changed && (problems.length > 0 || before.success)) {
    await db.auditLog.create({
      data: {
        workspaceId,
        actorId: opts.actorId ?? null,
        action: problems.length ? "sautikit.routing_mismatch" : "sautikit.routing_ok",
        target: "sautikit",
        details: { problems } as object,
      },
    });
    if (problems.length)
      log.warn({ workspaceId, problems }, "Sautikit routing differs from what this workspace expects");
  }
  return { status: "checked", ...report };
}

/** The stored outcome of the last check (null when never checked or unreadable). */
export function storedRouting(
  conn: Pick<ConnectionRow, "routingProblems" | "routingCheckedAt">,
): (RoutingReport & { checkedAt: Date }) | null {
  const parsed = routingReportSchema.safeParse(conn.routingProblems);
  return parsed.success && conn.routingCheckedAt ? { ...parsed.data, checkedAt: conn.routingCheckedAt } : null;
}

/** After this app routed the numbers itself: nothing is known to be wrong, and older signatures no longer count. */
export function routedReport(at: Date = new Date()): RoutingReport {
  return { problems: [], secret: "no_recent_webhooks", routedAt: at.toISOString() };
}
