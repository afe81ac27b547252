import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type LegKeys = { callId: string | null; idempotencyKey: string | null };

/**
 * The leg a signed webhook is about, within one workspace: by Sautikit call id, else by the
 * client_request_id we set (the leg's idempotency key), never crossing workspaces. A leg already
 * bound to a different call id is not matched.
 */
export async function findLegForCall(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  callId: string | undefined,
  clientRequestId: string | undefined,
  meetingId?: string,
) {
  if (!callId && !clientRequestId) return null;
  // Call ids and idempotency keys are unique, so this reads at most two legs; matchLeg applies the rule.
  const where = legLookup(workspaceId, [callId], [clientRequestId]);
  const legs = await tx.leg.findMany({ where: meetingId ? { ...where, meetingId } : where });
  return matchLeg(legs, callId, clientRequestId);
}

/** The matching rule of findLegForCall, over legs already read (one query for a whole batch of events). */
export function matchLeg<L extends LegKeys>(
  legs: readonly L[],
  callId: string | undefined,
  clientRequestId: string | undefined,
): L | null {
  if (callId) {
    const byCall = legs.find((l) => l.callId === callId);
    if (byCall) return byCall;
  }
  if (clientRequestId) {
    const byKey = legs.find((l) => l.idempotencyKey === clientRequestId);
    if (byKey && (!byKey.callId || !callId || byKey.callId === callId)) return byKey;
  }
  return null;
}

/** A where-clause for every leg one of these ids could name, within one workspace. */
function legLookup(
  workspaceId: string,
  callIds: Iterable<string | undefined>,
  keys: Iterable<string | undefined>,
): Prisma.LegWhereInput {
  const present = (values: Iterable<string | undefined>) => [...new Set([...values].filter((v): v is string => !!v))];
  const byCall = present(callIds);
  const byKey = present(keys);
  const or: Prisma.LegWhereInput[] = [];
  if (byCall.length) or.push({ callId: { in: byCall } });
  if (byKey.length) or.push({ idempotencyKey: { in: byKey } });
  return { workspaceId, OR: or.length ? or : [{ id: { in: [] } }] };
}
