import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { budgetStatus, type BudgetStatus } from "@/lib/spend/assert-within-budget";
import { buildStatement, type Statement, type StatementLeg } from "@/lib/spend/build-statement";
import { forViewer } from "@/lib/privacy/phone-visibility";

export type MeetingStatement = Statement & {
  meeting: {
    id: string;
    title: string;
    status: string;
    startedAt: string | null;
    endedAt: string | null;
    budgetMinor: number | null;
  };
  budget: BudgetStatus;
  generatedAt: string;
};

/** The per-participant statement of a meeting the actor may see (organisers: their own; admins: all). */
export async function meetingStatement(
  actor: Actor,
  meetingId: string,
  now: number = Date.now(),
): Promise<MeetingStatement> {
  const meeting = await findMeetingForActor(actor, meetingId);
  const legs = await db.leg.findMany({
    where: { meetingId: meeting.id, workspaceId: actor.workspaceId },
    orderBy: { createdAt: "asc" },
    include: { participant: { select: { name: true, phoneE164: true, role: true } } },
  });
  const input: StatementLeg[] = legs.map((l) => ({
    id: l.id,
    participantId: l.participantId,
    name: l.participant?.name ?? null,
    phone: l.participant?.phoneE164 ?? (l.direction === "inbound" ? l.fromE164 : l.toE164),
    // The role the caller was let in with (host PIN) wins over the listed one.
    role: l.admittedRole ?? l.participant?.role ?? null,
    direction: l.direction,
    callId: l.callId,
    answeredAt: l.answeredAt?.getTime() ?? null,
    waitingAt: l.waitingAt?.getTime() ?? null,
    joinedAt: l.joinedAt?.getTime() ?? null,
    endedAt: l.endedAt?.getTime() ?? null,
    durationSeconds: l.durationSeconds,
    costMinor: l.costMinor,
    ratePerMinuteMinor: l.ratePerMinuteMinor,
  }));
  return forViewer(actor, {
    ...buildStatement(input, now),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      startedAt: meeting.startedAt?.toISOString() ?? null,
      endedAt: meeting.endedAt?.toISOString() ?? null,
      budgetMinor: meeting.budgetMinor,
    },
    budget: await budgetStatus(meeting.id, actor.workspaceId, now),
    generatedAt: new Date(now).toISOString(),
  });
}
