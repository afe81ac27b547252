import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, sqlRows } from "@/lib/db";
import { groupCommit } from "@/lib/db/group-commit";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { isCommandUnsupported } from "@/lib/sautikit/client";
import { sautikitCodeOf } from "@/lib/sautikit/map-error";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { isModerationMode, type ModerationMode } from "@/lib/shared/phone-keys";

// Raised hands, the floor and moderation modes (ADR 0020). Hands and the floor are roster facts
// decided under the meeting lock; who is muted is what the room's own mute events say, plus the
// mute commands the room has accepted since (see sendMutes).

type Tx = Prisma.TransactionClient;

export const IN_ROOM = ["waiting", "in_call"];
const FLAG_KINDS = ["hand.raise", "hand.lower", "floor.grant", "floor.revoke"];

type LiveLeg = {
  id: string;
  callId: string | null;
  muted: boolean;
  handRaisedAt: Date | null;
  onFloor: boolean;
  admittedRole: string | null;
  participant: { role: string } | null;
};

const liveLegSelect = {
  id: true,
  callId: true,
  muted: true,
  handRaisedAt: true,
  onFloor: true,
  admittedRole: true,
  participant: { select: { role: true } },
} as const;

export function legRole(l: Pick<LiveLeg, "admittedRole" | "participant">): string {
  return l.admittedRole ?? l.participant?.role ?? "participant";
}

export function modeOf(m: { moderation: string }): ModerationMode {
  return isModerationMode(m.moderation) ? m.moderation : "open";
}

/** May this leg talk under this mode? Listeners never; hosts always; others in Open or with the floor. */
export function mayTalk(mode: ModerationMode, leg: Pick<LiveLeg, "admittedRole" | "participant" | "onFloor">) {
  const role = legRole(leg);
  if (role === "listener") return false;
  return role === "host" || mode === "open" || leg.onFloor;
}

/**
 * Hand and floor facts for these legs, each later than that leg's previous one and not earlier
 * than `at` (when the key was pressed), so the reducer's "latest fact wins" is the order they were
 * decided in under the lock, and the queue is the order hands went up even when presses arrive
 * out of order.
 */
async function flagFacts(
  tx: Tx,
  meetingId: string,
  at: number,
  facts: { kind: RosterEvent["kind"]; legId: string }[],
): Promise<RosterEvent[]> {
  if (facts.length === 0) return [];
  const last = await tx.rosterEvent.groupBy({
    by: ["legId"],
    where: { meetingId, legId: { in: [...new Set(facts.map((f) => f.legId))] }, kind: { in: FLAG_KINDS } },
    _max: { at: true },
  });
  const next = new Map(last.map((r) => [r.legId, (r._max.at?.getTime() ?? 0) + 1]));
  return facts.map((f) => {
    const when = Math.max(at, next.get(f.legId) ?? 0);
    next.set(f.legId, when + 1);
    return { key: `${f.kind}:${f.legId}:${randomUUID()}`, kind: f.kind, legId: f.legId, at: when } as RosterEvent;
  });
}

async function lockedMeeting(tx: Tx, workspaceId: string, meetingId: string) {
  await lockMeeting(tx, meetingId);
  const meeting = await tx.meeting.findFirst({ where: { id: meetingId, workspaceId } });
  if (!meeting) throw new AppError("NOT_FOUND", "meetingNotExist");
  if (meeting.status === "ended" || meeting.status === "cancelled") throw new AppError("CONFLICT", "meetingOver");
  return meeting;
}

async function liveLeg(tx: Tx, meetingId: string, legId: string): Promise<LiveLeg> {
  const leg = await tx.leg.findFirst({ where: { id: legId, meetingId }, select: { ...liveLegSelect, state: true } });
  if (!leg) throw new AppError("NOT_FOUND", "callNotInMeeting");
  if (!IN_ROOM.includes(leg.state)) throw new AppError("CONFLICT", "personNotInRoom");
  return leg;
}

/**
 * Raises or lowers a hand (`up` null: toggle, as *9 does). `at` is when the key was pressed, so the
 * queue is in the order hands went up. Returns whether the hand is now up.
 */
export async function setHand(
  workspaceId: string,
  meetingId: string,
  legId: string,
  up: boolean | null,
  at = Date.now(),
): Promise<boolean> {
  const raised = await db.$transaction(async (tx) => {
    await lockedMeeting(tx, workspaceId, meetingId);
    const leg = await liveLeg(tx, meetingId, legId);
    const want = up ?? leg.handRaisedAt === null;
    if (want === (leg.handRaisedAt !== null)) return want;
    await recordRosterEvents(
      tx,
      workspaceId,
      meetingId,
      await flagFacts(tx, meetingId, at, [{ kind: want ? "hand.raise" : "hand.lower", legId }]),
    );
    return want;
  });
  notifyRosterChanged(meetingId);
  return raised;
}

/**
 * "Let speak": lowers the hand, gives the floor and unmutes. In Q&A one person has the floor at a
 * time, so whoever had it (hosts aside) loses it and is muted again.
 */
export async function letSpeak(workspaceId: string, meetingId: string, legId: string): Promise<void> {
  const { roomName, target, revoked } = await db.$transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, workspaceId, meetingId);
    const leg = await liveLeg(tx, meetingId, legId);
    if (legRole(leg) === "listener") throw new AppError("CONFLICT", "listenerCannotSpeak");
    const others =
      modeOf(meeting) === "qa"
        ? (
            await tx.leg.findMany({
              where: { meetingId, onFloor: true, id: { not: legId }, state: { in: IN_ROOM } },
              select: liveLegSelect,
            })
          ).filter((l) => legRole(l) !== "host")
        : [];
    await recordRosterEvents(
      tx,
      workspaceId,
      meetingId,
      await flagFacts(tx, meetingId, Date.now(), [
        ...(leg.handRaisedAt ? [{ kind: "hand.lower" as const, legId }] : []),
        ...(leg.onFloor ? [] : [{ kind: "floor.grant" as const, legId }]),
        ...others.map((o) => ({ kind: "floor.revoke" as const, legId: o.id })),
      ]),
    );
    return { roomName: meeting.roomName, target: leg, revoked: others };
  });
  notifyRosterChanged(meetingId);
  await sendMutes(workspaceId, meetingId, roomName, [
    ...(target.muted && target.callId ? [{ callId: target.callId, mute: false }] : []),
    ...revoked.filter((o) => !o.muted && o.callId).map((o) => ({ callId: o.callId!, mute: true })),
  ]);
}

/**
 * Switches the mode. Every floor given under the old mode is taken back, then the room is brought
 * in line: Open unmutes everyone but listeners, Presentation and Q&A mute everyone but hosts.
 * Returns the new mode (unchanged when it already was that mode).
 */
export async function setModeration(
  workspaceId: string,
  meetingId: string,
  mode: ModerationMode,
): Promise<ModerationMode> {
  const changed = await db.$transaction(async (tx) => {
    const meeting = await lockedMeeting(tx, workspaceId, meetingId);
    if (modeOf(meeting) === mode) return false;
    await tx.meeting.update({ where: { id: meetingId }, data: { moderation: mode } });
    const floors = await tx.leg.findMany({ where: { meetingId, onFloor: true }, select: { id: true } });
    const revoke = floors.map((l) => ({ kind: "floor.revoke" as const, legId: l.id }));
    if (revoke.length)
      await recordRosterEvents(tx, workspaceId, meetingId, await flagFacts(tx, meetingId, Date.now(), revoke));
    return true;
  });
  if (changed) {
    notifyRosterChanged(meetingId);
    await enforceModeration(workspaceId, meetingId, { unmuteInOpen: true });
  }
  return mode;
}

type ModerationRow = {
  meetingId: string;
  workspaceId: string;
  roomName: string;
  status: string;
  moderation: string;
  /** Null on the one row of a meeting with no matching leg in the room. */
  callId: string | null;
  muted: boolean;
  onFloor: boolean;
  admittedRole: string | null;
  role: string | null;
};

// The meetings of every check that arrived together ($1) with their legs in the room: every such
// leg for the meetings in $3, only the (meeting, call id) pairs of $4/$5 for the rest.
const MODERATION_SQL = `
  SELECT m.id AS "meetingId", m."workspaceId", m."roomName", m.status, m.moderation,
    l."callId", l.muted, l."onFloor", l."admittedRole", p.role
  FROM "Meeting" m
  LEFT JOIN "Leg" l ON l."meetingId" = m.id AND l.state = ANY($2::text[]) AND l."callId" IS NOT NULL
    AND (m.id = ANY($3::text[]) OR (l."meetingId", l."callId") IN (SELECT * FROM unnest($4::text[], $5::text[])))
  LEFT JOIN "Participant" p ON p.id = l."participantId"
  WHERE m.id = ANY($1::text[])`;

type ModerationAsk = { workspaceId: string; meetingId: string; callIds?: string[] };

// One statement for the meeting and its legs, on the adapter's connections (lib/db.ts sqlRows), for
// all the checks that arrive together: the check runs after every join and unmute event, on the
// ingest hot path, so a burst's checks share their read (ADR 0024).
const moderationReads = groupCommit<ModerationAsk, ModerationRow[]>(
  async (asks) => {
    const pairs = asks.flatMap((a) => (a.callIds ?? []).map((c) => [a.meetingId, c] as const));
    const rows = await sqlRows<ModerationRow>(MODERATION_SQL, [
      [...new Set(asks.map((a) => a.meetingId))],
      IN_ROOM,
      [...new Set(asks.filter((a) => !a.callIds).map((a) => a.meetingId))],
      pairs.map(([m]) => m),
      pairs.map(([, c]) => c),
    ]);
    return asks.map((a) => ({
      ok: true as const,
      value: rows.filter(
        (r) =>
          r.meetingId === a.meetingId &&
          r.workspaceId === a.workspaceId &&
          (r.callId === null || !a.callIds || a.callIds.includes(r.callId)),
      ),
    }));
  },
  { name: "moderation-read", maxBatch: 200 },
);

/**
 * Brings the room in line with the mode: anyone who may not talk and is unmuted is muted; with
 * `unmuteInOpen` (a switch to Open, or a newcomer's join) anyone who may talk in Open and is muted
 * is unmuted. Reads the legs' mute state as the room last reported it, so it can be run again at
 * any time (after a join, a duplicated event, a race with a switch) and converges.
 */
export async function enforceModeration(
  workspaceId: string,
  meetingId: string,
  opts: { callIds?: string[]; unmuteInOpen: boolean },
): Promise<void> {
  const rows = await moderationReads.submit({ workspaceId, meetingId, callIds: opts.callIds });
  const meeting = rows[0];
  if (!meeting || meeting.status === "ended" || meeting.status === "cancelled") return;
  const mode = modeOf(meeting);
  const legs = rows.flatMap((r) =>
    r.callId === null ? [] : [{ ...r, callId: r.callId, participant: r.role === null ? null : { role: r.role } }],
  );
  const changes = legs.flatMap((l) => {
    if (legRole(l) === "host") return [];
    const may = mayTalk(mode, l);
    if (!may && !l.muted) return [{ callId: l.callId, mute: true }];
    if (may && l.muted && mode === "open" && opts.unmuteInOpen) return [{ callId: l.callId, mute: false }];
    return [];
  });
  await sendMutes(workspaceId, meetingId, meeting.roomName, changes);
}

/**
 * Conference commands; a leg that left meanwhile is fine, anything else is logged and reported.
 * Each command the room accepts is stored at once (recordAcceptedMutes), so the next *6 or mode
 * check does not act on the state from before it.
 */
export async function sendMutes(
  workspaceId: string,
  meetingId: string,
  roomName: string,
  changes: { callId: string; mute: boolean }[],
): Promise<boolean> {
  if (changes.length === 0) return true;
  const known = await db.leg.findMany({
    where: { workspaceId, meetingId, callId: { in: changes.map((c) => c.callId) } },
    select: { id: true, callId: true, muteSeq: true },
  });
  const sentAt = Date.now();
  const client = await getSautikitClient(workspaceId);
  const results = await Promise.allSettled(
    changes.map((c) => client.conferences.command(roomName, c.mute ? "mute" : "unmute", c.callId)),
  );
  await recordAcceptedMutes(
    workspaceId,
    meetingId,
    sentAt,
    changes.flatMap((c, i) => {
      const leg = known.find((l) => l.callId === c.callId);
      return results[i]!.status === "fulfilled" && leg ? [{ legId: leg.id, muteSeq: leg.muteSeq, mute: c.mute }] : [];
    }),
  );
  const failed = results.filter((r) => r.status === "rejected" && sautikitCodeOf(r.reason) !== "conferences.not_live");
  if (failed.length) {
    const unsupported = failed.some((r) => r.status === "rejected" && isCommandUnsupported(r.reason));
    log.warn({ meetingId, failed: failed.length, unsupported }, "moderation: some mute commands failed");
  }
  return failed.length === 0;
}

/**
 * Stores mute commands the room accepted as roster facts, each ordered just after the room's mute
 * events the roster knew when it was sent (`muteSeq` read before sending, `sentAt` taken before
 * sending): the roster shows the change at once, and any later room event still overrides it.
 */
export async function recordAcceptedMutes(
  workspaceId: string,
  meetingId: string,
  sentAt: number,
  accepted: { legId: string; muteSeq: bigint; mute: boolean }[],
): Promise<void> {
  if (accepted.length === 0) return;
  const facts = accepted.map(({ legId, muteSeq, mute }): RosterEvent => {
    const kind = mute ? "control.mute" : "control.unmute";
    return { key: `${kind}:${legId}:${randomUUID()}`, kind, legId, seq: Number(muteSeq), at: sentAt };
  });
  await db.$transaction((tx) => recordRosterEvents(tx, workspaceId, meetingId, facts));
  notifyRosterChanged(meetingId);
}
