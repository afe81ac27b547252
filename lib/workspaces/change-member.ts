import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAdmin } from "@/lib/workspaces/assert-admin";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// Role changes and removals serialise on the workspace row, so two admins demoting each other at
// the same moment cannot leave a workspace with no admin.
async function lockedMembership(tx: Tx, actor: Actor, membershipId: string) {
  await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${actor.workspaceId} FOR UPDATE`;
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId: actor.workspaceId },
    select: { id: true, role: true, userId: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "memberNotFound");
  return membership;
}

async function assertAnotherAdmin(tx: Tx, workspaceId: string, exceptId: string) {
  const others = await tx.membership.count({ where: { workspaceId, role: "admin", id: { not: exceptId } } });
  if (others === 0) throw new AppError("CONFLICT", "lastAdmin");
}

export async function changeMemberRole(actor: Actor, membershipId: string, role: "admin" | "organiser"): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const m = await lockedMembership(tx, actor, membershipId);
    if (m.role === role) return;
    if (m.role === "admin") await assertAnotherAdmin(tx, actor.workspaceId, m.id);
    await tx.membership.update({ where: { id: m.id }, data: { role } });
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "member.role_changed",
        target: m.userId,
        details: { from: m.role, to: role },
      },
    });
  });
}

export async function removeMember(actor: Actor, membershipId: string): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const m = await lockedMembership(tx, actor, membershipId);
    if (m.role === "admin") await assertAnotherAdmin(tx, actor.workspaceId, m.id);
    await tx.membership.delete({ where: { id: m.id } });
    // Every open session of the removed user ends (streams re-check too): they sign in again to
    // reach their other workspaces, and nothing started in this one keeps running for them.
    await revokeAllSessions(m.userId, tx);
    await tx.auditLog.create({
      data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.removed", target: m.userId },
    });
  });
}
