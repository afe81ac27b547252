import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { sautikitStatusOf } from "@/lib/sautikit/map-error";
import { assertAdmin } from "@/lib/workspaces/assert-admin";
import { findRecordingForActor } from "@/lib/recordings/recording-scope";
import type { DeleteRecordingResult } from "@/lib/shared/api-schemas";

// Deleting goes through Sautikit first (DELETE /v1/calls/{id}/recording, docs/sautikit.md §2); the row
// is only marked deleted once Sautikit no longer has the file, so a failed delete can be retried.

/** Deletes the file at Sautikit. 404/410 mean it is already gone; 405/501 mean Sautikit cannot delete. */
export async function deleteAtSautikit(workspaceId: string, callId: string): Promise<DeleteRecordingResult> {
  const client = await getSautikitClient(workspaceId);
  try {
    await client.calls.deleteRecording(callId);
    return { deletedAtSautikit: true };
  } catch (e) {
    const status = sautikitStatusOf(e);
    if (status === 404 || status === 410) return { deletedAtSautikit: true };
    if (status === 405 || status === 501) {
      log.warn({ workspaceId, callId }, "Sautikit cannot delete recordings; hiding it in the app only");
      return { deletedAtSautikit: false };
    }
    throw e;
  }
}

export async function deleteRecording(actor: Actor, recordingId: string): Promise<DeleteRecordingResult> {
  assertAdmin(actor);
  const rec = await findRecordingForActor(actor, recordingId);
  const outcome = await deleteAtSautikit(actor.workspaceId, rec.callId);
  await db.$transaction(async (tx) => {
    await tx.recording.updateMany({ where: { id: rec.id, deletedAt: null }, data: { deletedAt: new Date() } });
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "recording.deleted",
        target: rec.id,
        details: {
          meetingId: rec.meetingId,
          meetingTitle: rec.meeting.title,
          deletedAtSautikit: outcome.deletedAtSautikit,
        },
      },
      tx,
    );
  });
  return outcome;
}
