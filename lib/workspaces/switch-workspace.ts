import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Confirms the user belongs to the workspace before it becomes their current one. */
export async function assertMembership(userId: string, workspaceId: string): Promise<void> {
  const membership = await db.membership.findUnique({
    where: { userId_workspaceId: { userId, workspaceId } },
    select: { id: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "workspaceNotFound");
}
