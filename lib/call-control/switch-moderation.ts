import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { setModeration } from "@/lib/call-control/moderate-room";
import type { ModerationMode } from "@/lib/shared/phone-keys";
import type { ModerationResult } from "@/lib/shared/api-schemas";

/** The roster's mode switch: the same switch as the host keypad's *2 (ADR 0020). */
export async function switchModeration(
  actor: Actor,
  meetingId: string,
  mode: ModerationMode,
): Promise<ModerationResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "changeTalk");
  await setModeration(actor.workspaceId, meeting.id, mode);
  await db.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: `meeting.moderation_${mode}`,
      target: meeting.id,
    },
  });
  return { mode };
}
