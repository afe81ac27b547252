import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generatePinPair } from "@/lib/meetings/pin";

/** A PIN pair unused by the workspace's live and upcoming meetings (PINs and host PINs alike). */
export async function allocatePins(tx: Prisma.TransactionClient, workspaceId: string, exceptMeetingId?: string) {
  const active = await tx.meeting.findMany({
    where: {
      workspaceId,
      status: { in: ["scheduled", "live"] },
      ...(exceptMeetingId ? { id: { not: exceptMeetingId } } : {}),
    },
    select: { pin: true, hostPin: true },
  });
  const taken = new Set(active.flatMap((m) => [m.pin, m.hostPin]));
  return generatePinPair(taken);
}
