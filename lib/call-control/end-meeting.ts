import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { EndMeetingResult } from "@/lib/shared/api-schemas";

/** Ends the meeting for everyone: marks it ended, cancels queued dials and hangs up every live leg. */
export async function endMeeting(actor: Actor, meetingId: string): Promise<EndMeetingResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  if (meeting.status === "cancelled") throw new AppError("CONFLICT", "This meeting was cancelled.");
  const now = Date.now();
  const live = await db.$transaction(async (tx) => {
    const legs = await tx.leg.findMany({ where: { meetingId: meeting.id, state: { not: "left" } } });
    await recordRosterEvents(tx, actor.workspaceId, meeting.id, [
      { key: "control-end", kind: "control.end", at: now },
      // Legs not yet dialled never will be.
      ...legs
        .filter((l) => !l.callId)
        .map((l) => ({
          key: `dial-failed:${l.id}`,
          kind: "dial.failed" as const,
          legId: l.id,
          reason: "meeting_ended" as const,
          at: now,
        })),
    ]);
    await tx.meeting.update({
      where: { id: meeting.id },
      data: { status: "ended", endedAt: meeting.endedAt ?? new Date(now) },
    });
    return legs.filter((l) => l.callId);
  });
  notifyRosterChanged(meeting.id);
  await db.auditLog.create({
    data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "meeting.ended", target: meeting.id },
  });
  if (live.length === 0) return { hungUp: 0, failed: 0 };

  const client = await getSautikitClient(actor.workspaceId);
  const results = await Promise.allSettled(live.map((l) => client.calls.hangup(l.callId!)));
  const failed = results.filter((r) => r.status === "rejected").length;
  if (failed) log.warn({ meetingId, failed }, "some legs could not be hung up");
  return { hungUp: live.length - failed, failed };
}
