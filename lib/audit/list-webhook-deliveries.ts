import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { WEBHOOK_ROUTES } from "@/lib/shared/webhook-routes";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

// The admin's webhook log: every request Sautikit (or anyone) sent to this workspace's webhook
// URLs, with the verdict the pipeline reached. Rejected-signature rows are kept on purpose: they
// show misconfigured secrets and forged requests.

export const verdicts = [
  "accepted",
  "duplicate",
  "rejected_signature",
  "invalid",
  "unknown_workspace",
  "failed",
] as const;

const blank = z.literal("").transform(() => undefined);
export const webhookLogQuerySchema = z.object({
  verdict: z.enum(verdicts).optional().or(blank),
  route: z.enum(WEBHOOK_ROUTES).optional().or(blank),
  kind: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]*$/, "letters, dots and underscores only")
    .optional()
    .or(blank),
  eventId: z.string().trim().max(200).optional().or(blank),
  before: z.iso.datetime().optional().or(blank),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export type WebhookLogItem = {
  id: string;
  at: string;
  route: string;
  kind: string | null;
  eventId: string | null;
  verdict: string;
  statusCode: number;
  latencyMs: number;
  error: string | null;
  deliveryId: string | null;
};

export async function listWebhookDeliveries(actor: Actor, query: z.input<typeof webhookLogQuerySchema> = {}) {
  assertAdmin(actor);
  const q = webhookLogQuerySchema.parse(query);
  const where: Prisma.WebhookDeliveryWhereInput = { workspaceId: actor.workspaceId };
  if (q.verdict) where.verdict = q.verdict;
  if (q.route) where.route = q.route;
  if (q.kind) where.kind = { startsWith: q.kind };
  if (q.eventId) where.eventId = q.eventId;
  if (q.before) where.receivedAt = { lt: new Date(q.before) };
  const rows = await db.webhookDelivery.findMany({ where, orderBy: { receivedAt: "desc" }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const counts = await db.webhookDelivery.groupBy({
    by: ["verdict"],
    where: { workspaceId: actor.workspaceId },
    _count: { _all: true },
  });
  return {
    items: page.map<WebhookLogItem>((r) => ({
      id: r.id,
      at: r.receivedAt.toISOString(),
      route: r.route,
      kind: r.kind,
      eventId: r.eventId,
      verdict: r.verdict,
      statusCode: r.statusCode,
      latencyMs: r.latencyMs,
      error: r.error,
      deliveryId: r.deliveryId,
    })),
    nextBefore: rows.length > q.limit ? page.at(-1)!.receivedAt.toISOString() : null,
    counts: Object.fromEntries(counts.map((c) => [c.verdict, c._count._all])) as Record<string, number>,
  };
}
