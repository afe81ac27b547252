import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { isLocalMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { fieldError } from "@/lib/shared/error-keys";
import { createSautikitClient } from "@/lib/sautikit/client";
import { connectEmulatorWorkspace } from "@/lib/sautikit/connect-emulator-workspace";
import { routeWorkspaceNumbers, type RouteResult } from "@/lib/sautikit/connect-workspace";
import { clientFor, findConnection, notConnected } from "@/lib/sautikit/connection";
import { checkRouting, storedRouting, type RoutingCheck } from "@/lib/sautikit/check-routing";
import { apiBaseUrlProblem, isLoopbackHost, outboundPolicy } from "@/lib/sautikit/outbound-policy";
import { lastErrorColumns, NO_LAST_ERROR } from "@/lib/sautikit/last-error";

// Admin operations behind Settings → Sautikit. Every function re-checks that the actor is an
// admin and works only on the actor's own workspace.

function requireAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "sautikitManageAdminOnly");
}

export const connectionInputSchema = z.object({
  // The fence's own rules (https, port 443, SAUTIKIT_ALLOWED_HOSTS; loopback only in local mode),
  // checked before anything is sent, so an admin cannot use the key check to reach other hosts.
  apiBaseUrl: z
    .string()
    .trim()
    .max(2000, fieldError("apiUrlTooLong"))
    .superRefine((u, ctx) => {
      const problem = apiBaseUrlProblem(u, outboundPolicy());
      if (problem) ctx.addIssue({ code: "custom", message: fieldError(problem.key), params: problem.params });
    })
    .transform((u) => new URL(u).toString().replace(/\/+$/, "")),
  apiKey: z
    .string()
    .trim()
    .min(8, fieldError("apiKeyShort"))
    .max(4000)
    .refine((k) => !/\s/.test(k), fieldError("apiKeySpaces")),
});

/**
 * Stores a pasted API key (encrypted) after proving it works, with a fresh signing secret: the
 * previous one may be the emulator's well-known dev secret, which must never guard a real
 * account. The secret reaches Sautikit when the numbers are routed (right away when the
 * workspace's numbers are on the new account, otherwise once an admin picks them).
 */
export async function saveConnection(
  actor: Actor,
  input: z.input<typeof connectionInputSchema>,
): Promise<{ numbers: number }> {
  requireAdmin(actor);
  const { apiBaseUrl, apiKey } = connectionInputSchema.parse(input);
  const numbers = await createSautikitClient({ baseUrl: apiBaseUrl, apiKey, maxAttempts: 2 }).numbers.list();
  const existing = await findConnection(actor.workspaceId);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const owned = (id: string | null | undefined) => (id && numbers.some((n) => n.id === id) ? id : null);
  const keep = {
    dialInNumberId: owned(existing?.dialInNumberId),
    callerIdNumberId: owned(existing?.callerIdNumberId),
  };
  const data = {
    apiBaseUrl,
    apiKeyEnc: encryptSecret(apiKey),
    signingSecretEnc: encryptSecret(secret),
    mode: isLoopbackHost(new URL(apiBaseUrl).hostname) ? "emulator" : "live",
    emulatorWorkspace: null,
    ...keep,
    dialInNumber: keep.dialInNumberId ? existing?.dialInNumber : null,
    callerIdNumber: keep.callerIdNumberId ? existing?.callerIdNumber : null,
    status: keep.dialInNumberId && keep.callerIdNumberId ? "pending" : "needs_numbers",
    lastCheckedAt: new Date(),
    ...NO_LAST_ERROR,
  };
  await db.sautikitConnection.upsert({
    where: { workspaceId: actor.workspaceId },
    create: { workspaceId: actor.workspaceId, ...data },
    update: data,
  });
  await audit(actor, "sautikit.key_saved", { apiBaseUrl, numbers: numbers.length });
  if (keep.dialInNumberId && keep.callerIdNumberId) await routeWorkspaceNumbers(actor.workspaceId);
  return { numbers: numbers.length };
}

export const numbersInputSchema = z.object({
  dialInNumberId: z.string().min(1, fieldError("dialInRequired")),
  callerIdNumberId: z.string().min(1, fieldError("callerIdRequired")),
});

/** Picks the workspace's dial-in and caller-ID numbers (both must be on the account) and routes them. */
export async function selectNumbers(actor: Actor, input: z.input<typeof numbersInputSchema>): Promise<RouteResult> {
  requireAdmin(actor);
  const picked = numbersInputSchema.parse(input);
  const conn = await findConnection(actor.workspaceId);
  if (!conn) throw notConnected();
  const numbers = await clientFor(conn).numbers.list();
  const dialIn = numbers.find((n) => n.id === picked.dialInNumberId);
  const callerId = numbers.find((n) => n.id === picked.callerIdNumberId);
  if (!dialIn || !callerId) throw new AppError("NUMBER_NOT_OWNED", "pickOwnedNumbers");
  await db.sautikitConnection.update({
    where: { workspaceId: actor.workspaceId },
    data: {
      dialInNumberId: dialIn.id,
      dialInNumber: dialIn.e164,
      callerIdNumberId: callerId.id,
      callerIdNumber: callerId.e164,
    },
  });
  const routed = await routeWorkspaceNumbers(actor.workspaceId);
  await audit(actor, "sautikit.numbers_selected", { dialIn: dialIn.e164, callerId: callerId.e164 });
  return routed;
}

export async function rerouteNumbers(actor: Actor): Promise<RouteResult> {
  requireAdmin(actor);
  const before = await findConnection(actor.workspaceId);
  const routed = await routeWorkspaceNumbers(actor.workspaceId);
  const fixed = before ? (storedRouting(before)?.problems ?? []) : [];
  await audit(actor, "sautikit.numbers_routed", {
    numbers: routed.routed.map((r) => r.e164),
    ...(fixed.length ? { fixed } : {}),
  });
  return routed;
}

export type ConnectionTest = { balanceMinor: number; currency: string; numbers: number; routing: RoutingCheck };

/**
 * Proves the key works, reports the wallet and checks each number's routing against what this
 * workspace expects; the outcome is kept for the settings page (and a mismatch for its banner).
 */
export async function testConnection(actor: Actor): Promise<ConnectionTest> {
  requireAdmin(actor);
  const conn = await findConnection(actor.workspaceId);
  if (!conn) throw notConnected();
  try {
    const client = clientFor(conn, { maxAttempts: 2 });
    const [wallet, numbers] = await Promise.all([client.wallet.balance(), client.numbers.list()]);
    const status =
      conn.dialInNumberId && conn.callerIdNumberId
        ? conn.status === "error"
          ? "pending"
          : conn.status
        : "needs_numbers";
    await db.sautikitConnection.update({
      where: { workspaceId: actor.workspaceId },
      data: { lastCheckedAt: new Date(), ...NO_LAST_ERROR, status },
    });
    const routing = await checkRouting(actor.workspaceId, { actorId: actor.userId, numbers });
    return { balanceMinor: wallet.balance_minor, currency: wallet.currency, numbers: numbers.length, routing };
  } catch (err) {
    const problem = err instanceof AppError ? err : new AppError("INTERNAL", "connectionTestFailed", { cause: err });
    await db.sautikitConnection.update({
      where: { workspaceId: actor.workspaceId },
      data: { lastCheckedAt: new Date(), ...lastErrorColumns(problem), status: "error" },
    });
    throw err;
  }
}

/**
 * Whether dial-outs show the workspace's dial-in number as their caller ID (so a missed call can
 * simply be called back), or the caller-ID number.
 */
export async function setPresentDialInNumber(actor: Actor, on: boolean): Promise<void> {
  requireAdmin(actor);
  const conn = await findConnection(actor.workspaceId);
  if (!conn) throw notConnected();
  await db.sautikitConnection.update({ where: { workspaceId: actor.workspaceId }, data: { presentDialInNumber: on } });
  await audit(actor, "sautikit.present_dial_in_number", { on });
}

/** Local mode: connect (or reconnect) the workspace to its own emulator account. */
export async function connectToEmulator(actor: Actor): Promise<void> {
  requireAdmin(actor);
  if (!isLocalMode()) throw new AppError("UNSUPPORTED", "emulatorLocalOnly");
  await connectEmulatorWorkspace(actor.workspaceId);
  await audit(actor, "sautikit.emulator_connected", {});
}

async function audit(actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
  await db.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action,
      target: "sautikit",
      details: details as object,
    },
  });
}
