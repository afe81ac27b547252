import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sessionState, shouldTouch } from "@/lib/auth/session-limits";

type Client = Prisma.TransactionClient | typeof db;

/** Records a sign-in; the id goes into the session cookie. */
export async function startUserSession(userId: string): Promise<string> {
  const row = await db.userSession.create({ data: { userId }, select: { id: true } });
  return row.id;
}

/** The columns `sessionState` reads (whose session, and its clock), selected by every check. */
const SESSION_CLOCK = { userId: true, createdAt: true, lastSeenAt: true, revokedAt: true } as const;

/**
 * The user behind a session id, with their memberships, when the session is still active; slides
 * the idle window forward. Null for an unknown, revoked, idle or expired session, or when the
 * cookie's user is not the session's user.
 */
export async function readActiveSession(sessionId: string, userId: string, now = new Date()) {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      ...SESSION_CLOCK,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          memberships: {
            select: { role: true, workspace: { select: { id: true, name: true } } },
            orderBy: { createdAt: "asc" },
          },
        },
      },
    },
  });
  if (!row || row.userId !== userId || sessionState(row, now) !== "active") return null;
  if (shouldTouch(row, now)) {
    await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return row.user;
}

/** True while the session is active and the user is still a member of the workspace. */
export async function isSessionMember(
  sessionId: string,
  userId: string,
  workspaceId: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      ...SESSION_CLOCK,
      user: { select: { memberships: { where: { workspaceId }, select: { id: true } } } },
    },
  });
  return !!row && row.userId === userId && sessionState(row, now) === "active" && row.user.memberships.length > 0;
}

/** Ends every session of the user: sign-out, password change or reset, removal from a workspace. */
export async function revokeAllSessions(userId: string, client: Client = db): Promise<number> {
  const { count } = await client.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * Of these sessions, the ids still active whose user is still a member of the workspace: one query
 * for every open live stream of a meeting (lib/roster/roster-stream.ts).
 */
export async function activeSessionsInWorkspace(
  sessions: { sessionId: string; userId: string }[],
  workspaceId: string,
  now = new Date(),
): Promise<Set<string>> {
  if (sessions.length === 0) return new Set();
  const rows = await db.userSession.findMany({
    where: {
      id: { in: [...new Set(sessions.map((s) => s.sessionId))] },
      revokedAt: null,
      user: { memberships: { some: { workspaceId } } },
    },
    select: { id: true, ...SESSION_CLOCK },
  });
  const wanted = new Map(sessions.map((s) => [s.sessionId, s.userId]));
  return new Set(
    rows.filter((r) => wanted.get(r.id) === r.userId && sessionState(r, now) === "active").map((r) => r.id),
  );
}
