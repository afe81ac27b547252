import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { SautikitClient } from "@/lib/sautikit/client";
import { findConnection, clientFor, notConnected } from "@/lib/sautikit/connection";
import { outboundVoiceUrl } from "@/lib/meetings/callback-urls";
import { outboundRatePerMinuteMinor } from "@/lib/meetings/call-pricing";
import { rememberDialRate } from "@/lib/meetings/dial-pace";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { assertWithinBudget } from "@/lib/spend/assert-within-budget";

/** `retry`: not done yet, and safe to run again with the same idempotency key (dialParticipant queues a job). */
export type PlaceResult = { status: "placed" | "already" | "skipped" | "failed"; error?: AppError; retry?: boolean };

// Errors worth retrying later with the same idempotency key; anything else ends the leg as failed.
const TRANSIENT = new Set(["RATE_LIMITED", "SAUTIKIT_UNAVAILABLE"]);

/**
 * Places the Sautikit call for a leg that was created but not yet dialled. Idempotent: the
 * Idempotency-Key is the leg's deterministic key, so a retry after a crash or a timeout replays
 * Sautikit's stored response instead of ringing the person twice.
 */
export async function placeLegCall(legId: string, opts: { throwTransient?: boolean } = {}): Promise<PlaceResult> {
  const leg = await db.leg.findUnique({
    where: { id: legId },
    include: { meeting: true, participant: true },
  });
  if (!leg || !leg.participant || !leg.idempotencyKey) return { status: "skipped" };
  // fromE164 is written only when this function records a placed call. A call id without it was
  // linked by the call's own webhooks after a recording failed: record it, never dial again.
  if (leg.fromE164 || (!leg.callId && leg.state !== "created")) return { status: "already" };
  const meeting = leg.meeting;

  const fail = async (reason: "failed" | "meeting_ended", error?: AppError): Promise<PlaceResult> => {
    await db.$transaction((tx) =>
      recordRosterEvents(tx, leg.workspaceId, meeting.id, [{ key: `dial-failed:${leg.id}`, kind: "dial.failed", legId: leg.id, reason, at: Date.now() }]),
    );
    notifyRosterChanged(meeting.id);
    return { status: reason === "meeting_ended" ? "skipped" : "failed", error };
  };

  const notRecorded = (e: unknown, callId = leg.callId): PlaceResult => {
    log.warn({ err: e, legId: leg.id, callId }, "call placed but not recorded; will record it on a retry");
    if (opts.throwTransient) throw e;
    return { status: "placed", retry: true };
  };

  if (!leg.callId && (meeting.status === "ended" || meeting.status === "cancelled")) return fail("meeting_ended");

  let created: Pick<Awaited<ReturnType<SautikitClient["calls"]["create"]>>, "call_id" | "session_id">;
  let rate: number;
  let callerId: string;
  try {
    if (!leg.callId) await assertWithinBudget(meeting.id, leg.workspaceId);
    const conn = await findConnection(leg.workspaceId);
    if (!conn) throw notConnected();
    if (!conn.callerIdNumber) throw new AppError("SAUTIKIT_NOT_CONNECTED", "Pick a caller-ID number under Settings → Sautikit before calling people.");
    callerId = conn.callerIdNumber;
    const client = clientFor(conn);
    rate = await outboundRatePerMinuteMinor(client);
    if (leg.callId) created = { call_id: leg.callId, session_id: leg.sessionId ?? "" };
    else {
      // The workspace's dial-in number as the caller ID (a setting, on by default): someone who
      // missed the call can call it back and is admitted by caller ID (lib/dial-in).
      const shown = conn.presentDialInNumber && conn.dialInNumber ? conn.dialInNumber : undefined;
      const placed = await client.calls.create(
        {
          from: callerId,
          ...(shown ? { caller_id: shown } : {}),
          to: leg.participant.phoneE164,
          voice_callback_url: outboundVoiceUrl(leg.workspaceId, meeting.id),
          client_request_id: leg.idempotencyKey,
        },
        { idempotencyKey: leg.idempotencyKey },
      );
      rememberDialRate(leg.workspaceId, placed.rateLimit.limit);
      created = placed;
    }
  } catch (e) {
    if (leg.callId) return notRecorded(e);
    const err = isAppError(e) ? e : new AppError("INTERNAL", "Could not place the call.", { cause: e });
    if (TRANSIENT.has(err.code) && opts.throwTransient) throw err;
    log.warn({ err: e, legId: leg.id, code: err.code }, "dial failed");
    if (TRANSIENT.has(err.code)) return { status: "failed", error: err, retry: true };
    return fail("failed", err);
  }

  // The call exists from here on: a failure to record it (a deadlock, a transaction timeout)
  // must never be stored as a failed dial — the person's phone is ringing. It is retried instead:
  // the same Idempotency-Key replays Sautikit's answer (the same call id), and the call's own
  // webhooks find the leg by client_request_id meanwhile.
  try {
    await db.$transaction(async (tx) => {
      // The meeting first, then the leg — the order every roster writer takes them in. Updating the
      // leg first deadlocks against a writer that holds the meeting lock and updates this leg (the
      // voice callback of this very call, answered ~200 ms after it was placed).
      await lockMeeting(tx, meeting.id);
      // An early webhook may already have linked the call id; it is the same call either way.
      await tx.leg.update({ where: { id: leg.id }, data: { callId: created.call_id, sessionId: created.session_id || undefined, fromE164: callerId, ratePerMinuteMinor: rate } });
      await recordRosterEvents(tx, leg.workspaceId, meeting.id, [
        { key: `dial-accepted:${leg.id}`, kind: "dial.accepted", legId: leg.id, callId: created.call_id, at: Date.now() },
      ]);
    });
  } catch (e) {
    return notRecorded(e, created.call_id);
  }
  notifyRosterChanged(meeting.id);
  return { status: "placed" };
}
