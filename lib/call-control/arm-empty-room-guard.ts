import "server-only";
import { txRows, type AnyTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { ALONE_LIMIT_MS } from "@/lib/shared/meeting-limits";

// The empty-room guard (ADR 0021): a caller alone in a started room for ALONE_LIMIT_MS is most
// likely a line nobody hung up, billed by the minute. One durable job per stretch of being alone
// (keyed by the leg and the moment the stretch began); the job (lib/call-control/empty-room-guard.ts)
// re-reads the room when it runs, so anyone who arrived meanwhile cancels it, and only that one leg
// is ever hung up.

export const EMPTY_ROOM_JOB = "call-control.empty-room";

type Reader = Pick<Prisma.TransactionClient, "leg">;
type Alone = { legId: string; callId: string | null; since: number };

/** The one leg in the room and since when it has had the room to itself, or null if it is not alone. */
export async function aloneInRoom(client: Reader, meetingId: string): Promise<Alone | null> {
  const present = await client.leg.findMany({
    where: { meetingId, state: { in: ["waiting", "in_call"] } },
    select: { id: true, state: true, callId: true, joinedAt: true },
    take: 2,
  });
  const lone = present.length === 1 && present[0]!.state === "in_call" ? present[0]! : null;
  if (!lone?.joinedAt) return null;
  // Whoever was in the room with them last left at the latest of these times.
  const lastCompany = await client.leg.aggregate({
    where: { meetingId, id: { not: lone.id }, joinedAt: { not: null }, endedAt: { not: null } },
    _max: { endedAt: true },
  });
  const since = Math.max(lone.joinedAt.getTime(), lastCompany._max.endedAt?.getTime() ?? 0);
  return { legId: lone.id, callId: lone.callId, since };
}

// aloneInRoom's first question in plain SQL, for a transaction of sqlTransaction (the roster
// batch's): only a room holding exactly one caller, in the call, needs the rest, which is Prisma's.
const PRESENT_SQL = `
  SELECT state FROM "Leg" WHERE "meetingId" = $1 AND "workspaceId" = $2 AND state IN ('waiting', 'in_call') LIMIT 2`;

/** Whether one caller may have the room to themselves (false: the guard has nothing to arm). */
export async function mayBeAlone(tx: AnyTx, workspaceId: string, meetingId: string): Promise<boolean> {
  const present = await txRows<{ state: string }>(tx, PRESENT_SQL, [meetingId, workspaceId]);
  return present.length === 1 && present[0]!.state === "in_call";
}

/** After a roster change: if one caller is now alone in the room, the guard starts counting. */
export async function armEmptyRoomGuard(tx: Prisma.TransactionClient, workspaceId: string, meetingId: string) {
  const alone = await aloneInRoom(tx, meetingId);
  if (!alone) return;
  await enqueueJob(
    {
      kind: EMPTY_ROOM_JOB,
      payload: { workspaceId, meetingId, legId: alone.legId },
      uniqueKey: `alone:${alone.legId}:${alone.since}`,
      runAt: new Date(alone.since + ALONE_LIMIT_MS),
      maxAttempts: 3,
    },
    tx,
  );
}
