import type { LegInfo, RoomSettings, RosterEvent, CallOutcome, ConfirmResult } from "@/lib/roster/roster-event";
import type { LeftReason, LegState, LegView } from "@/lib/shared/roster-types";
import { costForSeconds } from "@/lib/shared/cost";

export type RoomView = {
  startedAt: number | null;
  endedAt: number | null;
  /** The organiser ended the meeting (or the room ended by itself). */
  ended: boolean;
  started: boolean;
};

export type RosterState = { legs: LegView[]; room: RoomView };

// Outcome priority for the rare case of conflicting terminal facts about one call: the most
// specific failure wins, whatever the arrival order.
const outcomeRank: Record<CallOutcome, number> = { busy: 5, no_answer: 4, failed: 3, canceled: 2, completed: 1 };
// Two answers to "press 1" for one call cannot both happen; if they are ever stored, the one that
// keeps the person out wins, whatever the order.
const confirmRank: Record<ConfirmResult, number> = { declined: 3, silent: 2, accepted: 1 };

const minOf = (a: number | null, b: number | undefined | null) => (b == null ? a : a === null ? b : Math.min(a, b));
const maxOf = (a: number | null, b: number | undefined | null) => (b == null ? a : a === null ? b : Math.max(a, b));

type LegFacts = {
  dialAccepted: { callId: string; at: number } | null;
  ringingAt: number | null;
  answeredAt: number | null;
  joinSeq: number | null;
  joinAt: number | null;
  leaveSeq: number | null;
  leaveAt: number | null;
  callEnd: { outcome: CallOutcome; at: number; durationSeconds?: number; costMinor?: number } | null;
  /** Any report of the call's end said the network dropped it. */
  dropped: boolean;
  confirm: ConfirmResult | null;
  redialScheduled: boolean;
  redialSkipped: boolean;
  dialFailed: { reason: LeftReason; at: number } | null;
  kicked: boolean;
  alone: boolean;
  mute: MuteFact | null;
  hand: { at: number; up: boolean } | null;
  floor: { at: number; on: boolean } | null;
  lastSeq: number;
};

function emptyFacts(): LegFacts {
  return {
    dialAccepted: null,
    ringingAt: null,
    answeredAt: null,
    joinSeq: null,
    joinAt: null,
    leaveSeq: null,
    leaveAt: null,
    callEnd: null,
    dropped: false,
    confirm: null,
    redialScheduled: false,
    redialSkipped: false,
    dialFailed: null,
    kicked: false,
    alone: false,
    mute: null,
    hand: null,
    floor: null,
    lastSeq: 0,
  };
}

// Ties between conflicting facts are broken by value, never by arrival: the earlier time wins, then
// the smaller value.
function earlier(a: { at: number }, aValue: string, b: { at: number }, bValue: string): boolean {
  return a.at < b.at || (a.at === b.at && aValue < bValue);
}

/**
 * A leg's mute, from the room's events (`byUs: false`) or from a command of ours the room accepted
 * (`byUs: true`, `seq` = the room's last mute seq we knew when sending it, `at` = when we sent it).
 */
type MuteFact = { seq: number; muted: boolean; byUs: boolean; at: number };

// Later seq wins; at equal seq our accepted command beats the room event we already knew, and of
// two commands the later one wins (a second *6 before the room's event for the first). At a full
// tie an explicit mute beats unmute. A total order, so the merge stays commutative.
function mergeMute(cur: MuteFact | null, next: MuteFact): MuteFact {
  if (!cur) return next;
  const order =
    next.seq - cur.seq || Number(next.byUs) - Number(cur.byUs) || (next.byUs && cur.byUs ? next.at - cur.at : 0);
  return order > 0 || (order === 0 && next.muted && !cur.muted) ? next : cur;
}

// Hands and the floor: the later fact wins; at equal times "down" / "revoked" wins (commutative).
function mergeFlag<K extends "up" | "on">(
  cur: ({ at: number } & Record<K, boolean>) | null,
  next: { at: number } & Record<K, boolean>,
  flag: K,
): ({ at: number } & Record<K, boolean>) | null {
  if (!cur || next.at > cur.at || (next.at === cur.at && !next[flag] && cur[flag])) return next;
  return cur;
}

export function reduceRoster(legs: LegInfo[], events: RosterEvent[], settings: RoomSettings): RosterState {
  const facts = new Map(legs.map((l) => [l.id, emptyFacts()]));
  const starts: { seq: number; at: number }[] = [];
  const ends: { seq: number; at: number }[] = [];
  let controlEndAt: number | null = null;
  const seen = new Set<string>();

  for (const e of events) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    if (e.kind === "room.start") starts.push({ seq: e.seq ?? 0, at: e.at });
    else if (e.kind === "room.end") ends.push({ seq: e.seq ?? 0, at: e.at });
    else if (e.kind === "control.end") controlEndAt = minOf(controlEndAt, e.at);
    if (!e.legId) continue;
    const f = facts.get(e.legId);
    if (!f) continue;
    if (e.seq !== undefined) f.lastSeq = Math.max(f.lastSeq, e.seq);
    switch (e.kind) {
      case "dial.accepted":
        if (!f.dialAccepted || earlier(e, e.callId, f.dialAccepted, f.dialAccepted.callId))
          f.dialAccepted = { callId: e.callId, at: e.at };
        break;
      case "dial.failed":
        if (!f.dialFailed || earlier(e, e.reason, f.dialFailed, f.dialFailed.reason))
          f.dialFailed = { reason: e.reason, at: e.at };
        break;
      case "call.ringing":
        f.ringingAt = minOf(f.ringingAt, e.at);
        break;
      case "call.answered":
        f.answeredAt = minOf(f.answeredAt, e.at);
        break;
      case "call.ended": {
        if (e.dropped) f.dropped = true;
        const cur = f.callEnd;
        if (!cur || outcomeRank[e.outcome] > outcomeRank[cur.outcome]) {
          f.callEnd = {
            outcome: e.outcome,
            at: cur ? Math.min(cur.at, e.at) : e.at,
            durationSeconds: e.durationSeconds,
            costMinor: e.costMinor,
          };
        } else {
          cur.at = Math.min(cur.at, e.at);
          // Two reports of the same outcome (e.g. the webhook and a reconciliation): keep the
          // larger figures, so the merge does not depend on which arrived first.
          if (e.outcome === cur.outcome) {
            cur.durationSeconds = maxOf(cur.durationSeconds ?? null, e.durationSeconds) ?? undefined;
            cur.costMinor = maxOf(cur.costMinor ?? null, e.costMinor) ?? undefined;
          }
        }
        break;
      }
      case "room.join": {
        const seq = e.seq ?? 0;
        if (f.joinSeq === null || seq < f.joinSeq || (seq === f.joinSeq && e.at < f.joinAt!)) {
          f.joinSeq = seq;
          f.joinAt = e.at;
        }
        if (e.muted !== undefined) f.mute = mergeMute(f.mute, { seq, muted: e.muted, byUs: false, at: 0 });
        // Answering is implied by being in the room (call.answered may never arrive).
        f.answeredAt = minOf(f.answeredAt, e.at);
        break;
      }
      case "room.leave": {
        const seq = e.seq ?? 0;
        if (f.leaveSeq === null || seq > f.leaveSeq || (seq === f.leaveSeq && e.at < f.leaveAt!)) {
          f.leaveSeq = seq;
          f.leaveAt = e.at;
        }
        break;
      }
      case "room.mute":
      case "room.unmute":
        f.mute = mergeMute(f.mute, { seq: e.seq ?? 0, muted: e.kind === "room.mute", byUs: false, at: 0 });
        break;
      case "control.mute":
      case "control.unmute":
        f.mute = mergeMute(f.mute, { seq: e.seq ?? 0, muted: e.kind === "control.mute", byUs: true, at: e.at });
        break;
      case "control.kick":
        f.kicked = true;
        break;
      case "control.alone":
        f.alone = true;
        break;
      case "hand.raise":
      case "hand.lower":
        f.hand = mergeFlag(f.hand, { at: e.at, up: e.kind === "hand.raise" }, "up");
        break;
      case "floor.grant":
      case "floor.revoke":
        f.floor = mergeFlag(f.floor, { at: e.at, on: e.kind === "floor.grant" }, "on");
        break;
      case "confirm.result":
        if (!f.confirm || confirmRank[e.result] > confirmRank[f.confirm]) f.confirm = e.result;
        break;
      case "redial.scheduled":
        f.redialScheduled = true;
        break;
      case "redial.skipped":
        f.redialSkipped = true;
        break;
    }
  }

  // The seq after which every leaving leg was thrown out by the meeting ending: the room's end,
  // or the first exit of a host whose exit ends the meeting.
  let endCut: number | null = null;
  for (const e of ends) endCut = minOf(endCut, e.seq);
  if (settings.endOnHostExit) {
    for (const leg of legs) {
      const f = facts.get(leg.id)!;
      if (leg.role === "host" && f.leaveSeq !== null) endCut = minOf(endCut, f.leaveSeq);
    }
  }

  const views = legs.map((leg) => deriveLeg(leg, facts.get(leg.id)!, starts, ends, endCut, controlEndAt));
  views.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

  const startedAt = starts.reduce<number | null>((m, s) => minOf(m, s.at), null);
  const endedAt = ends.reduce<number | null>((m, s) => maxOf(m, s.at), controlEndAt);
  return {
    legs: views,
    room: { startedAt, endedAt, started: starts.length > 0, ended: ends.length > 0 || controlEndAt !== null },
  };
}

function deriveLeg(
  leg: LegInfo,
  f: LegFacts,
  starts: { seq: number; at: number }[],
  ends: { seq: number; at: number }[],
  endCut: number | null,
  controlEndAt: number | null,
): LegView {
  const callId = leg.callId ?? f.dialAccepted?.callId ?? null;
  // Which start (if any) opened the room session this leg joined: the first start after the last
  // end that preceded the join.
  let sessionStart: { seq: number; at: number } | null = null;
  if (f.joinSeq !== null) {
    const j = f.joinSeq;
    const lastEnd = ends.filter((e) => e.seq < j).reduce((m, e) => Math.max(m, e.seq), -1);
    for (const s of starts) {
      if (
        s.seq > lastEnd &&
        (!sessionStart || s.seq < sessionStart.seq || (s.seq === sessionStart.seq && s.at < sessionStart.at))
      )
        sessionStart = s;
    }
  }

  const endedAt = [f.leaveAt, f.callEnd?.at ?? null, f.dialFailed?.at ?? null].reduce<number | null>(
    (m, v) => minOf(m, v),
    null,
  );
  const ended = endedAt !== null;

  let state: LegState;
  if (ended) state = "left";
  else if (f.joinSeq !== null) state = sessionStart ? "in_call" : "waiting";
  else if (f.answeredAt !== null) state = "answered";
  else if (f.ringingAt !== null) state = "ringing";
  else if (callId !== null) state = "dialling";
  else state = "created";

  let endReason: LeftReason | null = null;
  if (ended) {
    const outcome = f.callEnd?.outcome;
    const unansweredFailure = outcome === "busy" || outcome === "no_answer" || outcome === "failed";
    const thrownOutByRoom = f.joinSeq !== null && f.leaveSeq !== null && endCut !== null && f.leaveSeq > endCut;
    const endedByOrganiser = controlEndAt !== null && endedAt >= controlEndAt && !unansweredFailure && !f.dialFailed;
    if (f.kicked) endReason = "kicked";
    else if (f.alone) endReason = "alone";
    else if (thrownOutByRoom || endedByOrganiser) endReason = "meeting_ended";
    else if (f.confirm === "declined") endReason = "declined";
    else if (f.confirm === "silent") endReason = "no_person";
    else if (f.dropped && outcome === "completed")
      endReason = f.redialScheduled && !f.redialSkipped ? "dropped_calling_back" : "dropped";
    else if (f.dialFailed) endReason = f.dialFailed.reason;
    else if (unansweredFailure) endReason = outcome;
    else if (leg.purpose === "reminder" && f.joinSeq === null) endReason = "reminded";
    else endReason = "hung_up";
  }

  let joinedAt: number | null = null;
  let waitingAt: number | null = null;
  if (f.joinSeq !== null && f.joinAt !== null) {
    if (sessionStart && sessionStart.seq < f.joinSeq) joinedAt = f.joinAt;
    else {
      waitingAt = f.joinAt;
      if (sessionStart) joinedAt = Math.max(sessionStart.at, f.joinAt);
    }
  }

  const answeredAt = f.answeredAt;
  let durationSeconds: number | null = null;
  let costMinor: number | null = null;
  if (ended) {
    durationSeconds =
      f.callEnd?.durationSeconds ?? (answeredAt !== null ? Math.max(0, Math.round((endedAt - answeredAt) / 1000)) : 0);
    costMinor = f.callEnd?.costMinor ?? costForSeconds(durationSeconds, leg.ratePerMinuteMinor);
  }

  const defaultMuted = leg.role === "listener";
  return {
    id: leg.id,
    participantId: leg.participantId,
    role: leg.role,
    direction: leg.direction,
    attempt: leg.attempt,
    purpose: leg.purpose ?? "dial",
    callId,
    fromE164: leg.fromE164,
    toE164: leg.toE164,
    state,
    endReason,
    muted: f.mute ? f.mute.muted : defaultMuted,
    muteSeq: f.mute?.seq ?? 0,
    lastSeq: f.lastSeq,
    ratePerMinuteMinor: leg.ratePerMinuteMinor,
    createdAt: leg.createdAt,
    ringingAt: f.ringingAt,
    answeredAt,
    waitingAt,
    joinedAt: joinedAt !== null && endedAt !== null ? Math.min(joinedAt, endedAt) : joinedAt,
    endedAt,
    durationSeconds,
    costMinor,
    // A leg that has left has no hand up and no floor, whatever its last fact said.
    handRaisedAt: !ended && f.hand?.up ? f.hand.at : null,
    onFloor: !ended && f.floor?.on === true,
  };
}
