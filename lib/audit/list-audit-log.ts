import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/workspaces/assert-admin";
import { forViewer } from "@/lib/privacy/phone-visibility";

export const auditQuerySchema = z.object({
  // Prefix match, so "recording." finds played, downloaded and deleted.
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]*$/, "letters, dots and underscores only")
    .optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export type AuditItem = {
  id: string;
  at: string;
  action: string;
  /** English fallback name (API); pages name the actor from `actorKind` in the reader's language. */
  actorName: string;
  actorKind: "user" | "deleted" | "system";
  actorEmail: string | null;
  target: string | null;
  details: unknown;
};

export async function listAuditLog(actor: Actor, query: z.input<typeof auditQuerySchema> = {}) {
  assertAdmin(actor);
  const q = auditQuerySchema.parse(query);
  const where: Prisma.AuditLogWhereInput = { workspaceId: actor.workspaceId };
  if (q.action) where.action = { startsWith: q.action };
  if (q.before) where.createdAt = { lt: new Date(q.before) };
  const rows = await db.auditLog.findMany({ where, orderBy: { createdAt: "desc" }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const ids = [...new Set(page.map((r) => r.actorId).filter((x): x is string => Boolean(x)))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  const people = new Map(users.map((u) => [u.id, u]));
  const items: AuditItem[] = page.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    action: r.action,
    actorName: r.actorId ? (people.get(r.actorId)?.name ?? "Deleted user") : "System",
    actorKind: r.actorId ? (people.has(r.actorId) ? "user" : "deleted") : "system",
    actorEmail: r.actorId ? (people.get(r.actorId)?.email ?? null) : null,
    target: r.target,
    details: r.details ?? null,
  }));
  const actions = await db.auditLog.findMany({
    where: { workspaceId: actor.workspaceId },
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return forViewer(actor, {
    items,
    nextBefore: rows.length > q.limit ? page.at(-1)!.createdAt.toISOString() : null,
    actions: actions.map((a) => a.action),
  });
}
