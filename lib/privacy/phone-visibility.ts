import "server-only";
import { cache } from "react";
import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { audienceKey, FULL_NUMBERS, redactPhones, type PhoneAudience } from "@/lib/privacy/redact-phones";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

// The workspace setting "who sees full phone numbers" and what it means for one viewer
// (ADR 0022). Admins always see full numbers (they manage the workspace, its call log and its
// bills); organisers see them only when the workspace says "everyone".

export const phoneVisibilities = ["admins", "everyone"] as const;
export type PhoneVisibility = (typeof phoneVisibilities)[number];

export const phoneVisibilityInputSchema = z.object({
  phoneVisibility: z.enum(phoneVisibilities, { error: fieldError("phoneVisibilityInvalid") }),
});

const asVisibility = (v: string): PhoneVisibility => (v === "everyone" ? "everyone" : "admins");

export async function getPhoneVisibility(actor: Actor): Promise<PhoneVisibility> {
  const ws = await db.workspace.findUniqueOrThrow({
    where: { id: actor.workspaceId },
    select: { phoneVisibility: true },
  });
  return asVisibility(ws.phoneVisibility);
}

export async function setPhoneVisibility(actor: Actor, input: unknown): Promise<{ phoneVisibility: PhoneVisibility }> {
  assertAdmin(actor);
  const { phoneVisibility } = phoneVisibilityInputSchema.parse(input);
  await db.$transaction(async (tx) => {
    // Two values only: a change is from the other one, and saving the same value is no event.
    const changed = await tx.workspace.updateMany({
      where: { id: actor.workspaceId, phoneVisibility: { not: phoneVisibility } },
      data: { phoneVisibility },
    });
    if (changed.count === 0) return;
    const from = phoneVisibility === "admins" ? "everyone" : "admins";
    const entry = { action: "workspace.phone_visibility_changed", details: { from, to: phoneVisibility } };
    await recordAudit(
      { workspaceId: actor.workspaceId, actorId: actor.userId, target: actor.workspaceId, ...entry },
      tx,
    );
  });
  return { phoneVisibility };
}

/**
 * Whether a member with this role sees full numbers in this workspace, and the workspace's own
 * numbers (always shown: they are on every invite). Read per request, so a changed setting or
 * role applies to the next response.
 */
export async function phoneAudienceOf(workspaceId: string, role: Actor["role"]): Promise<PhoneAudience> {
  if (role === "admin") return FULL_NUMBERS;
  return organiserAudience(workspaceId);
}

async function organiserAudience(workspaceId: string): Promise<PhoneAudience> {
  const ws = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { phoneVisibility: true, connection: { select: { dialInNumber: true, callerIdNumber: true } } },
  });
  if (ws && asVisibility(ws.phoneVisibility) === "everyone") return FULL_NUMBERS;
  const own = [ws?.connection?.dialInNumber, ws?.connection?.callerIdNumber].filter((n): n is string => Boolean(n));
  return { full: false, keep: new Set(own) };
}

/** The audience of each of these members of one workspace, as stream audience keys (by user id). */
export async function phoneAudienceKeys(workspaceId: string, userIds: string[]): Promise<Map<string, string>> {
  const members = await db.membership.findMany({
    where: { workspaceId, userId: { in: [...new Set(userIds)] } },
    select: { userId: true, role: true },
  });
  const organisers = members.some((m) => m.role !== "admin") ? audienceKey(await organiserAudience(workspaceId)) : "";
  return new Map(members.map((m) => [m.userId, m.role === "admin" ? "" : organisers]));
}

const audienceForRequest = cache(phoneAudienceOf);

/** The audience of this actor (memoised per server render). */
export function phoneAudienceFor(actor: Actor): Promise<PhoneAudience> {
  return audienceForRequest(actor.workspaceId, actor.role);
}

/**
 * The boundary step: `value` as this actor may receive it. Every builder whose result reaches a
 * browser or a download returns through here.
 */
export async function forViewer<T>(actor: Actor, value: T): Promise<T> {
  return redactPhones(value, await phoneAudienceFor(actor));
}
