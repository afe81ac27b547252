import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordChange } from "@/lib/audit/record-audit";
import { armHardStop } from "@/lib/call-control/schedule-hard-stop";
import { db } from "@/lib/db";
import { limitSettingsSchema } from "@/lib/shared/limit-settings-schema";
import type { LimitSettings } from "@/lib/shared/meeting-limits";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

const select = { stopGraceMinutes: true, maxMeetingMinutes: true } as const;

/** The workspace's meeting time limits (ADR 0021). */
export async function getLimitSettings(actor: Actor): Promise<LimitSettings> {
  assertAdmin(actor);
  return db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select });
}

/**
 * Changes the limits (admins, audited). Meetings in progress follow at once: their stop jobs are
 * moved to the stop the new limits give.
 */
export async function setLimitSettings(actor: Actor, input: unknown): Promise<LimitSettings> {
  assertAdmin(actor);
  const next = limitSettingsSchema.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select });
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: next });
    await recordChange(
      actor,
      { action: "workspace.limits_changed", target: actor.workspaceId, from: before, to: next },
      tx,
    );
    const live = await tx.meeting.findMany({
      where: { workspaceId: actor.workspaceId, status: "live" },
      select: { id: true },
    });
    for (const m of live) await armHardStop(tx, m.id);
  });
  return next;
}
