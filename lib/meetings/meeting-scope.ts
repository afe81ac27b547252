import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Organisers manage their own meetings; admins manage every meeting in the workspace. A meeting
// outside that scope is "not found", never "forbidden", so ids leak nothing.

export function meetingScope(actor: Pick<Actor, "workspaceId" | "userId" | "role">): Prisma.MeetingWhereInput {
  return actor.role === "admin"
    ? { workspaceId: actor.workspaceId }
    : { workspaceId: actor.workspaceId, organiserId: actor.userId };
}

export function meetingNotFound(): AppError {
  return new AppError("NOT_FOUND", "meetingNotFound");
}

export async function findMeetingForActor(actor: Pick<Actor, "workspaceId" | "userId" | "role">, meetingId: string) {
  const meeting = await db.meeting.findFirst({ where: { ...meetingScope(actor), id: meetingId } });
  if (!meeting) throw meetingNotFound();
  return meeting;
}

export type MeetingRow = Awaited<ReturnType<typeof findMeetingForActor>>;

/** Meetings whose participants may still be dialled or edited. */
/** What an organiser was trying to do to a meeting that is over (said in the refusal). */
export type MeetingAction =
  "addPeople" | "changeReminders" | "callPeople" | "changeRoles" | "edit" | "lock" | "unlock" | "changeTalk";

export function assertOpen(meeting: { status: string }, action: MeetingAction): void {
  if (meeting.status === "cancelled") throw new AppError("CONFLICT", "meetingCancelledCannot", { params: { action } });
  if (meeting.status === "ended") throw new AppError("CONFLICT", "meetingEndedCannot", { params: { action } });
}
