import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { isCommandUnsupported } from "@/lib/sautikit/client";
import { sautikitCodeOf } from "@/lib/sautikit/map-error";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { letSpeak, recordAcceptedMutes, setHand } from "@/lib/call-control/moderate-room";
import type { LegCommand, LegCommandResult } from "@/lib/shared/api-schemas";

async function findLiveLeg(actor: Actor, meetingId: string, legId: string) {
  const meeting = await findMeetingForActor(actor, meetingId);
  const leg = await db.leg.findFirst({ where: { id: legId, meetingId: meeting.id, workspaceId: actor.workspaceId } });
  if (!leg) throw new AppError("NOT_FOUND", "callNotInMeeting");
  if (leg.state === "left") throw new AppError("CONFLICT", "callAlreadyEnded");
  return { meeting, leg };
}

/**
 * Live mute / unmute / kick through Sautikit's conference commands. A mute the room accepted shows
 * at once (recordAcceptedMutes); the room's own event, when it arrives, has the last word. Kick
 * falls back to hanging the call up; mute has no fallback and says so.
 */
export async function controlLeg(
  actor: Actor,
  meetingId: string,
  legId: string,
  command: LegCommand,
): Promise<LegCommandResult> {
  const { meeting, leg } = await findLiveLeg(actor, meetingId, legId);
  // Raised hands (ADR 0020): the same functions the host keypad's *8 uses.
  if (command === "let-speak" || command === "lower-hand") {
    if (command === "let-speak") await letSpeak(actor.workspaceId, meeting.id, leg.id);
    else await setHand(actor.workspaceId, meeting.id, leg.id, false);
    await audit(actor, command === "let-speak" ? "participant.let_speak" : "participant.hand_lowered", leg.id);
    return { via: "command" };
  }
  const client = await getSautikitClient(actor.workspaceId);

  if (command === "kick") {
    // The marker is stored first, so however the leg ends, it ends as "kicked".
    const at = Date.now();
    await db.$transaction((tx) =>
      recordRosterEvents(tx, actor.workspaceId, meeting.id, [
        { key: `kick:${leg.id}`, kind: "control.kick", legId: leg.id, at },
        // A queued leg is simply never dialled.
        ...(leg.callId
          ? []
          : [
              {
                key: `dial-failed:${leg.id}`,
                kind: "dial.failed" as const,
                legId: leg.id,
                reason: "kicked" as const,
                at,
              },
            ]),
      ]),
    );
    notifyRosterChanged(meeting.id);
    await audit(actor, "participant.kicked", leg.id);
    if (!leg.callId) return { via: "hangup" };
    const inRoom = leg.state === "waiting" || leg.state === "in_call";
    if (inRoom) {
      try {
        await client.conferences.command(meeting.roomName, "kick", leg.callId);
        return { via: "command" };
      } catch (e) {
        if (!isCommandUnsupported(e) && sautikitCodeOf(e) !== "conferences.not_live") throw e;
      }
    }
    await client.calls.hangup(leg.callId);
    return { via: "hangup" };
  }

  if (!leg.callId || (leg.state !== "in_call" && leg.state !== "waiting")) {
    throw new AppError("CONFLICT", "muteOnlyInRoom");
  }
  const sentAt = Date.now();
  try {
    await client.conferences.command(meeting.roomName, command, leg.callId);
  } catch (e) {
    if (isCommandUnsupported(e)) {
      if (command === "mute") throw new AppError("UNSUPPORTED", "liveMuteUnsupported");
      throw new AppError("UNSUPPORTED", "liveUnmuteUnsupported");
    }
    if (sautikitCodeOf(e) === "conferences.not_live") throw new AppError("CONFLICT", "personLeftRoom");
    throw e;
  }
  await recordAcceptedMutes(actor.workspaceId, meeting.id, sentAt, [
    { legId: leg.id, muteSeq: leg.muteSeq, mute: command === "mute" },
  ]);
  await audit(actor, `participant.${command}d`, leg.id);
  return { via: "command" };
}

async function audit(actor: Actor, action: string, target: string) {
  await db.auditLog.create({ data: { workspaceId: actor.workspaceId, actorId: actor.userId, action, target } });
}
