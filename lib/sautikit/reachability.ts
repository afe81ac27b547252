import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { sautikitStatusOf } from "@/lib/sautikit/map-error";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";

// Whether Sautikit is answering this workspace, as the last API request found it. A dial held back
// by a 5xx, an outage or a timeout sets `unreachableSince`; the next request Sautikit answers (with
// anything but a 5xx: a placed call, a 402 or a wallet read) clears it. The roster shows a banner
// while it is set, so a queue that is not moving is never silent.

/** True for failures that mean "Sautikit did not answer" (not "Sautikit said no"). */
export function isSautikitDown(e: unknown): boolean {
  return isAppError(e) && e.code === "SAUTIKIT_UNAVAILABLE";
}

export async function noteSautikitUnreachable(workspaceId: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.sautikitConnection.updateMany({
    where: { workspaceId, unreachableSince: null },
    data: { unreachableSince: now },
  });
  if (count > 0) {
    log.warn({ workspaceId }, "Sautikit is not answering; dials are held back until it is");
    await announce(workspaceId);
  }
}

export async function noteSautikitAnswered(workspaceId: string): Promise<void> {
  // Read first: a write to the connection row drops cached webhook secrets (lib/db.ts onDbWrite),
  // and this runs after every placed call.
  const conn = await db.sautikitConnection.findUnique({ where: { workspaceId }, select: { unreachableSince: true } });
  if (!conn?.unreachableSince) return;
  const { count } = await db.sautikitConnection.updateMany({
    where: { workspaceId, unreachableSince: { not: null } },
    data: { unreachableSince: null },
  });
  if (count > 0) {
    log.info({ workspaceId }, "Sautikit is answering again");
    await announce(workspaceId);
  }
}

/** Records the outcome of one Sautikit request: answered (a 2xx or a 4xx), or not answered at all. */
export async function noteSautikitOutcome(workspaceId: string, error?: unknown): Promise<void> {
  if (error === undefined) return noteSautikitAnswered(workspaceId);
  if (isSautikitDown(error)) return noteSautikitUnreachable(workspaceId);
  // Only an answer from Sautikit itself says it is back (not a budget or configuration error of ours).
  const status = sautikitStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) return noteSautikitAnswered(workspaceId);
}

// The banner is part of every open meeting's roster: push them all (a hint; streams re-read).
async function announce(workspaceId: string): Promise<void> {
  const meetings = await db.meeting.findMany({
    where: {
      workspaceId,
      OR: [{ status: "live" }, { status: "scheduled", legs: { some: { state: { not: "left" } } } }],
    },
    select: { id: true },
    take: 500,
  });
  for (const m of meetings) notifyRosterChanged(m.id);
}
