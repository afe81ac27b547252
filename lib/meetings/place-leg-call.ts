import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { errorMessageColumns } from "@/lib/i18n/stored-error";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { SautikitClient } from "@/lib/sautikit/client";
import { clientFor, findDialingConnection } from "@/lib/sautikit/connection";
import { noteSautikitOutcome } from "@/lib/sautikit/reachability";
import { outboundVoiceUrl } from "@/lib/meetings/callback-urls";
import { dialRetryDelayMs, isHeldBack } from "@/lib/meetings/dial-retry";
import { findPlacedCall } from "@/lib/meetings/find-placed-call";
import { outboundRatePerMinuteMinor } from "@/lib/meetings/call-pricing";
import { rememberDialRate } from "@/lib/meetings/dial-pace";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { assertWithinBudget } from "@/lib/spend/assert-within-budget";

/**
 * `retry`: not done yet, and safe to run again with the same idempotency key after `retryInMs`
 * (the dial job reschedules itself; dialParticipant queues the job).
 */
export type PlaceResult = {
  status: "placed" | "already" | "skipped" | "failed";
  error?: AppError;
  retry?: boolean;
  retryInMs?: number;
};

/**
 * Places the Sautikit call for a leg that was created but not yet dialled. Idempotent: the
 * Idempotency-Key is the leg's deterministic key, so a retry after a crash or a timeout replays
 * Sautikit's stored response instead of ringing the person twice — and before a retry re-sends the
 * POST, the call is first looked up by that key (client_request_id), so a POST that timed out after
 * Sautikit placed the call is recorded, not repeated.
 *
 * A dial Sautikit cannot take now (5xx, outage, timeout, 429) is held and retried for as long as the
 * meeting is open; a clear "no" (wallet empty, number not owned, invalid number, no connection, the
 * budget) ends the leg as failed and keeps the reason on it for the roster's Retry.
 */
export async function placeLegCall(legId: string): Promise<PlaceResult> {
  const leg = await db.leg.findUnique({
    where: { id: legId },
    include: { meeting: true, participant: true },
  });
  if (!leg || !leg.participant || !leg.idempotencyKey) return { status: "skipped" };
  // fromE164 is written only when this function records a placed call. A call id without it was
  // linked by the call's own webhooks after a recording failed: record it, never dial again.
  if (leg.fromE164 || (!leg.callId && leg.state !== "created")) return { status: "already" };
  const meeting = leg.meeting;
  const key = leg.idempotencyKey;

  const fail = async (reason: "failed" | "meeting_ended", error?: AppError): Promise<PlaceResult> => {
    await db.$transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      if (error) {
        // The key and values let the roster say it in each reader's language; the text is for logs.
        const { key: dialErrorKey, params: dialErrorParams } = errorMessageColumns(error);
        await tx.leg.update({
          where: { id: leg.id },
          data: {
            dialErrorCode: error.code,
            dialError: error.message.slice(0, 500),
            dialErrorKey,
            dialErrorParams,
          },
        });
      }
      await recordRosterEvents(tx, leg.workspaceId, meeting.id, [
        { key: `dial-failed:${leg.id}`, kind: "dial.failed", legId: leg.id, reason, at: Date.now() },
      ]);
    });
    notifyRosterChanged(meeting.id);
    return { status: reason === "meeting_ended" ? "skipped" : "failed", error };
  };

  const notRecorded = (e: unknown, callId = leg.callId): PlaceResult => {
    log.warn({ err: e, legId: leg.id, callId }, "call placed but not recorded; will record it on a retry");
    return {
      status: "placed",
      retry: true,
      retryInMs: dialRetryDelayMs(leg.dialTries + 1),
      error: isAppError(e)
        ? e
        : new AppError("INTERNAL", "internalDetail", { params: { detail: errorText(e) }, cause: e }),
    };
  };

  // The organiser ended or cancelled the meeting while this dial was waiting: it is never placed.
  if (!leg.callId && (meeting.status === "ended" || meeting.status === "cancelled")) return fail("meeting_ended");

  // Counted before the request goes out: a retry after this point knows Sautikit may have seen it.
  const tries = leg.callId
    ? leg.dialTries
    : (
        await db.leg.update({
          where: { id: leg.id },
          data: { dialTries: { increment: 1 } },
          select: { dialTries: true },
        })
      ).dialTries;

  let created: Pick<Awaited<ReturnType<SautikitClient["calls"]["create"]>>, "call_id" | "session_id">;
  let rate: number;
  let callerId: string;
  // The numbers this dial presents (for a clear "not on the account" message).
  let presented: string[] = [];
  try {
    if (!leg.callId) await assertWithinBudget(meeting.id, leg.workspaceId);
    const conn = await findDialingConnection(leg.workspaceId);
    callerId = conn.callerIdNumber;
    // One quick repeat in-request (a dropped keep-alive socket, a lone 5xx), never a sleep through
    // Retry-After: waiting out an outage is the dial job's work (dial-retry.ts), with the same key.
    const client = clientFor(conn, { maxAttempts: 2, maxRetryAfterMs: 0 });
    const earlier = leg.callId
      ? null
      : tries > 1
        ? await findPlacedCall(client, { key, to: leg.participant.phoneE164, since: leg.createdAt })
        : null;
    if (leg.callId) created = { call_id: leg.callId, session_id: leg.sessionId ?? "" };
    else if (earlier) {
      log.info(
        { legId: leg.id, callId: earlier.id },
        "a previous try had placed the call: recording it instead of dialling again",
      );
      created = { call_id: earlier.id, session_id: earlier.session_id ?? "" };
    } else {
      // The workspace's dial-in number as the caller ID (a setting, on by default): someone who
      // missed the call can call it back and is admitted by caller ID (lib/dial-in).
      const shown = conn.presentDialInNumber && conn.dialInNumber ? conn.dialInNumber : undefined;
      presented = [callerId, ...(shown ? [shown] : [])];
      const placed = await client.calls.create(
        {
          from: callerId,
          ...(shown ? { caller_id: shown } : {}),
          to: leg.participant.phoneE164,
          voice_callback_url: outboundVoiceUrl(leg.workspaceId, meeting.id),
          client_request_id: key,
        },
        { idempotencyKey: key },
      );
      rememberDialRate(leg.workspaceId, placed.rateLimit.limit);
      created = placed;
    }
    // Never fails (the pinned rate stands in), so it is asked only once there is a call to price.
    rate = await outboundRatePerMinuteMinor(client);
  } catch (e) {
    if (leg.callId) return notRecorded(e);
    let err = isAppError(e) ? e : new AppError("INTERNAL", "callNotPlaced", { cause: e });
    // Sautikit refuses a from/caller_id the account does not own: say which numbers, and where to fix it.
    if (err.code === "NUMBER_NOT_OWNED" && presented.length)
      err = new AppError("NUMBER_NOT_OWNED", "numberNotOwnedCallerId", { params: { numbers: presented }, cause: e });
    await noteSautikitOutcome(leg.workspaceId, err).catch((noteErr: unknown) =>
      log.warn({ err: noteErr }, "could not record Sautikit's reachability"),
    );
    if (isHeldBack(err)) {
      const retryInMs = dialRetryDelayMs(tries, err.retryAfter);
      log.warn(
        { err: e, legId: leg.id, code: err.code, tries, retryInMs },
        "dial held back; will retry with the same key",
      );
      return { status: "failed", error: err, retry: true, retryInMs };
    }
    log.warn({ err: e, legId: leg.id, code: err.code }, "dial failed");
    return fail("failed", err);
  }
  await noteSautikitOutcome(leg.workspaceId).catch((noteErr: unknown) =>
    log.warn({ err: noteErr }, "could not record Sautikit's reachability"),
  );

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
      await tx.leg.update({
        where: { id: leg.id },
        data: {
          callId: created.call_id,
          sessionId: created.session_id || undefined,
          fromE164: callerId,
          ratePerMinuteMinor: rate,
          dialErrorCode: null,
          dialError: null,
          dialErrorKey: null,
          dialErrorParams: Prisma.DbNull,
        },
      });
      await recordRosterEvents(tx, leg.workspaceId, meeting.id, [
        {
          key: `dial-accepted:${leg.id}`,
          kind: "dial.accepted",
          legId: leg.id,
          callId: created.call_id,
          at: Date.now(),
        },
      ]);
    });
  } catch (e) {
    return notRecorded(e, created.call_id);
  }
  notifyRosterChanged(meeting.id);
  return { status: "placed" };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
