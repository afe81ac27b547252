import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

export type MemberView = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: "admin" | "organiser";
  joinedAt: string;
  isYou: boolean;
};

export async function listMembers(actor: Actor): Promise<MemberView[]> {
  assertAdmin(actor);
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt.toISOString(),
    isYou: m.user.id === actor.userId,
  }));
}
