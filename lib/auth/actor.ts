import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import { AppError } from "@/lib/errors";
import { PATH_HEADER, WORKSPACE_COOKIE } from "@/lib/auth/constants";
import { readActiveSession } from "@/lib/auth/user-sessions";

export type Actor = {
  userId: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  role: "admin" | "organiser";
  /** The server-side session behind this request (absent for actors built outside a request). */
  sessionId?: string;
};

export type ActorWorkspace = { id: string; name: string; role: "admin" | "organiser" };

/** The signed-in user and every workspace they belong to (for the header switcher). */
export const getSessionUser = cache(async () => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = (session as { sid?: unknown } | null)?.sid;
  if (!userId || typeof sessionId !== "string") return null;
  // Re-read on every request: a revoked, idle or expired session, a removed member or a deleted
  // user loses access at once, whatever the cookie says.
  const user = await readActiveSession(sessionId, userId);
  if (!user) return null;
  const workspaces: ActorWorkspace[] = user.memberships.map((m) => ({ ...m.workspace, role: m.role }));
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, workspaces, sessionId };
});

/**
 * The acting user in their current workspace: the `mkutano_ws` cookie when it names one of their
 * memberships, else their first membership. Null when signed out or a member of no workspace.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await getSessionUser();
  if (!user || user.workspaces.length === 0) return null;
  const wanted = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const current = user.workspaces.find((w) => w.id === wanted) ?? user.workspaces[0]!;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    workspaceId: current.id,
    workspaceName: current.name,
    role: current.role,
    sessionId: user.sessionId,
  };
});

/** For pages and server actions: redirects to sign-in when signed out, 403 for non-admins on admin pages. */
export async function requireActor(opts: { admin?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get(PATH_HEADER);
    redirect(path && path !== "/" ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
  if (opts.admin && actor.role !== "admin") forbidden();
  return actor;
}

/** For route handlers: throws UNAUTHENTICATED (401) or FORBIDDEN (403) as an AppError. */
export async function requireApiActor(_req: Request, opts: { admin?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "signIn");
  if (opts.admin && actor.role !== "admin") throw new AppError("FORBIDDEN", "adminOnly");
  return actor;
}
