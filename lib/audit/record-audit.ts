import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// The audit trail of sensitive actions (recordings played/downloaded/deleted, role changes,
// meetings ended…). Pass a transaction client to write the entry atomically with the change.

export type AuditEntry = {
  workspaceId: string;
  /** Null for actions the system took on its own (e.g. the retention sweep). */
  actorId: string | null;
  action: string;
  target?: string | null;
  details?: Prisma.InputJsonValue;
};

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(entry: AuditEntry, client: AuditWriter = db): Promise<void> {
  await client.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actorId,
      action: entry.action.slice(0, 100),
      target: entry.target?.slice(0, 200) ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
    },
  });
}

/** A member changed one setting: the entry names the old and the new value (in the caller's transaction). */
export async function recordChange(
  actor: { workspaceId: string; userId: string },
  change: { action: string; target: string; from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null },
  client: AuditWriter,
): Promise<void> {
  const { action, target, from, to } = change;
  await recordAudit(
    { workspaceId: actor.workspaceId, actorId: actor.userId, action, target, details: { from, to } },
    client,
  );
}
