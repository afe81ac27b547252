import "server-only";
import { workspaceNameSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { onWorkspaceCreated } from "@/lib/workspaces/on-workspace-created";

/** A signed-in user starts another workspace, as its admin. */
export async function createWorkspace(userId: string, input: unknown): Promise<{ workspaceId: string }> {
  const name = workspaceNameSchema.parse((input as { name?: unknown } | null)?.name);
  const workspace = await db.workspace.create({
    data: { name, memberships: { create: { userId, role: "admin" } } },
    select: { id: true },
  });
  await db.auditLog.create({ data: { workspaceId: workspace.id, actorId: userId, action: "workspace.created" } });
  log.info({ workspaceId: workspace.id, userId }, "workspace created by a signed-in user");
  await onWorkspaceCreated(workspace.id);
  return { workspaceId: workspace.id };
}
