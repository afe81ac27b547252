import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldError } from "@/lib/shared/error-keys";
import { log } from "@/lib/log";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/schemas";
import { onWorkspaceCreated } from "@/lib/workspaces/on-workspace-created";
import { isUniqueViolation } from "@/lib/workspaces/prisma-errors";

/** Creates a user, a workspace and the user's admin membership in one write, then connects it. */
export async function signUp(input: unknown): Promise<{ userId: string; workspaceId: string }> {
  const { name, email, password, workspaceName } = signUpSchema.parse(input);
  const passwordHash = await hashPassword(password);
  let created;
  try {
    created = await db.user.create({
      data: {
        name,
        email,
        passwordHash,
        memberships: { create: { role: "admin", workspace: { create: { name: workspaceName } } } },
      },
      select: { id: true, memberships: { select: { workspaceId: true } } },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "accountNotCreated", {
        details: [{ path: "email", message: fieldError("useAnotherEmailField") }],
      });
    }
    throw e;
  }
  const workspaceId = created.memberships[0]!.workspaceId;
  await db.auditLog.create({ data: { workspaceId, actorId: created.id, action: "workspace.created" } });
  log.info({ workspaceId, userId: created.id }, "workspace created by sign-up");
  await onWorkspaceCreated(workspaceId);
  return { userId: created.id, workspaceId };
}
