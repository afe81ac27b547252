import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

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
  const scope = { workspaceId, ...(meetingId ? { meetingId } : {}) };
  if (callId) {
    const byCall = await tx.leg.findFirst({ where: { ...scope, callId } });
    if (byCall) return byCall;
  }
  if (clientRequestId) {
    const byKey = await tx.leg.findFirst({ where: { ...scope, idempotencyKey: clientRequestId } });
    if (byKey && (!byKey.callId || !callId || byKey.callId === callId)) return byKey;
  }
  return null;
}
