import "server-only";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientFor, findConnection, notConnected } from "@/lib/sautikit/connection";
import type { SautikitNumber } from "@/lib/sautikit/responses";
import { routedReport } from "@/lib/sautikit/check-routing";
import { lastErrorColumns, NO_LAST_ERROR } from "@/lib/sautikit/last-error";

// The connect step: point every number the workspace uses at this workspace's routes and secret.
// Outbound call events follow the `from` number, so the caller-ID number is routed as well as the
// dial-in number. Safe to repeat: routing is a PATCH that sets the same values every time.

export function workspaceWebhookUrls(workspaceId: string, baseUrl: string = env().APP_BASE_URL) {
  const root = `${baseUrl.replace(/\/+$/, "")}/api/sautikit/${encodeURIComponent(workspaceId)}`;
  return {
    voiceOutbound: `${root}/voice/outbound`,
    voiceInbound: `${root}/voice/inbound`,
    conferenceEvents: `${root}/conference/events`,
    conferenceDigits: `${root}/conference/digits`,
    callEvents: `${root}/call-events`,
  };
}

export type RouteResult = { routed: Array<{ id: string; e164: string; role: "dial_in" | "caller_id" }> };

export async function routeWorkspaceNumbers(workspaceId: string): Promise<RouteResult> {
  const conn = await findConnection(workspaceId);
  if (!conn) throw notConnected();
  try {
    const client = clientFor(conn);
    const owned = await client.numbers.list();
    const dialIn = pick(owned, conn.dialInNumberId, conn.dialInNumber, "dialIn");
    const callerId = pick(owned, conn.callerIdNumberId, conn.callerIdNumber, "callerId");
    const urls = workspaceWebhookUrls(workspaceId);
    const routing = {
      voice_callback_url: urls.voiceInbound,
      events_url: urls.callEvents,
      voice_signing_secret: decryptSecret(conn.signingSecretEnc),
    };
    const targets = [
      { n: dialIn, role: "dial_in" as const },
      { n: callerId, role: "caller_id" as const },
    ].filter((t): t is { n: SautikitNumber; role: "dial_in" | "caller_id" } => t.n !== null);
    for (const id of new Set(targets.map((t) => t.n.id))) await client.numbers.route(id, routing);

    await db.sautikitConnection.update({
      where: { workspaceId },
      data: {
        dialInNumber: dialIn?.e164 ?? null,
        dialInNumberId: dialIn?.id ?? null,
        callerIdNumber: callerId?.e164 ?? null,
        callerIdNumberId: callerId?.id ?? null,
        status: "connected",
        lastCheckedAt: new Date(),
        ...NO_LAST_ERROR,
        // Routed just now, as expected. Sets the start of the window the secret is judged in.
        routingCheckedAt: new Date(),
        routingProblems: routedReport(),
      },
    });
    return { routed: targets.map((t) => ({ id: t.n.id, e164: t.n.e164, role: t.role })) };
  } catch (err) {
    const problem = err instanceof AppError ? err : new AppError("INTERNAL", "routingFailed", { cause: err });
    await db.sautikitConnection.update({
      where: { workspaceId },
      data: { status: "error", lastCheckedAt: new Date(), ...lastErrorColumns(problem) },
    });
    log.warn({ err, workspaceId }, "routing the workspace's Sautikit numbers failed");
    throw err;
  }
}

// The stored id wins; an e164 without an id (the seeded demo connection) is resolved from the list.
function pick(
  owned: SautikitNumber[],
  id: string | null,
  e164: string | null,
  label: "dialIn" | "callerId",
): SautikitNumber | null {
  if (!id && !e164) return null;
  const found = owned.find((n) => (id ? n.id === id : n.e164 === e164));
  if (!found)
    throw new AppError("NUMBER_NOT_OWNED", "numberNotInAccount", { params: { role: label, number: e164 ?? id ?? "" } });
  return found;
}
