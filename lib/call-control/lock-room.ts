import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { LockResult } from "@/lib/shared/api-schemas";

/** A locked room turns new dial-ins away politely; people already in, and the organiser's dials, are unaffected. */
export async function setRoomLocked(actor: Actor, meetingId: string, locked: boolean): Promise<LockResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, locked ? "lock" : "unlock");
  await db.meeting.update({ where: { id: meeting.id }, data: { locked } });
  await db.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: locked ? "meeting.locked" : "meeting.unlocked",
      target: meeting.id,
    },
  });
  notifyRosterChanged(meeting.id);
  return { locked };
}
