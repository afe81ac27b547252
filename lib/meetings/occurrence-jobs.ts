import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { findConnection } from "@/lib/sautikit/connection";
import { budgetStatus } from "@/lib/spend/assert-within-budget";

// The jobs that belong to one occurrence of a meeting (each occurrence of a weekly series is its own
// Meeting row): "call everyone at the start" and the voice reminders before it. One durable job of
// each kind per occurrence, its unique key naming the meeting and the start it was made for, so
// several app instances (or a retry) never make two. Editing the meeting re-syncs them: a moved
// start gets a job for the new time and the pending one for the old time is deleted (its runner
// also ignores a payload whose start no longer matches, should it already be claimed); cancelling
// deletes them.

export const CALL_AT_START_JOB = "meetings.call-at-start";
export const REMINDERS_JOB = "meetings.send-reminders";

/** The payload of both kinds: which meeting, and the start the job was made for. */
export const occurrencePayload = z.object({ meetingId: z.string().min(1), startsAt: z.iso.datetime() });
export type OccurrencePayload = z.infer<typeof occurrencePayload>;

export const callAtStartKey = (meetingId: string, startsAt: Date) =>
  `call-at-start:${meetingId}:${startsAt.toISOString()}`;
export const remindersKey = (meetingId: string, startsAt: Date) => `reminders:${meetingId}:${startsAt.toISOString()}`;

type Tx = Prisma.TransactionClient;
type Wanted = { kind: string; uniqueKey: string; runAt: Date };

/** The meeting's occurrence jobs as they should be now (pure, for the rules' sake). */
export function wantedOccurrenceJobs(
  m: {
    id: string;
    status: string;
    startsAt: Date;
    callAtStart: boolean;
    remindByCall: boolean;
    reminderMinutes: number;
  },
  anyoneOptedIn: boolean,
  now: number,
): Wanted[] {
  const wanted: Wanted[] = [];
  if (m.status !== "scheduled" && m.status !== "live") return wanted;
  if (m.callAtStart && m.startsAt.getTime() > now)
    wanted.push({ kind: CALL_AT_START_JOB, uniqueKey: callAtStartKey(m.id, m.startsAt), runAt: m.startsAt });
  const remindAt = new Date(m.startsAt.getTime() - m.reminderMinutes * 60_000);
  // A reminder due in the past (a meeting scheduled at short notice) is not sent late.
  if (m.status === "scheduled" && (m.remindByCall || anyoneOptedIn) && remindAt.getTime() > now)
    wanted.push({ kind: REMINDERS_JOB, uniqueKey: remindersKey(m.id, m.startsAt), runAt: remindAt });
  return wanted;
}

/**
 * Brings the meeting's pending occurrence jobs in line with the meeting (inside the caller's
 * transaction, after it wrote the meeting). Returns the earliest due time it enqueued, for
 * `jobsEnqueued` after the commit.
 */
export async function syncOccurrenceJobs(tx: Tx, meetingId: string, now = Date.now()): Promise<Date | null> {
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const anyoneOptedIn = (await tx.participant.count({ where: { meetingId, remindByCall: true } })) > 0;
  const wanted = wantedOccurrenceJobs(m, anyoneOptedIn, now);
  await tx.job.deleteMany({
    where: {
      status: "pending",
      kind: { in: [CALL_AT_START_JOB, REMINDERS_JOB] },
      OR: [
        { uniqueKey: { startsWith: `call-at-start:${m.id}:` } },
        { uniqueKey: { startsWith: `reminders:${m.id}:` } },
      ],
      uniqueKey: { notIn: wanted.map((w) => w.uniqueKey) },
    },
  });
  let earliest: Date | null = null;
  for (const w of wanted) {
    const payload: OccurrencePayload = { meetingId: m.id, startsAt: m.startsAt.toISOString() };
    const { id, created } = await enqueueJob({ ...w, payload, maxAttempts: 5 }, tx);
    // Same occurrence, new lead time (the reminder minutes changed): move the pending job.
    if (!created) await tx.job.updateMany({ where: { id, status: "pending" }, data: { runAt: w.runAt } });
    if (!earliest || w.runAt < earliest) earliest = w.runAt;
  }
  return earliest;
}

export type Occurrence = Prisma.MeetingGetPayload<{ include: { participants: true } }>;

/**
 * The meeting an occurrence job was made for, or why it must do nothing: gone, cancelled or over,
 * moved to another start (its new job will run), or the option turned off since. A workspace that
 * cannot dial now (not connected, no caller ID, budget used up) is reported and skipped, not
 * retried: the people would otherwise be called at some random later time.
 */
export async function loadOccurrence(
  raw: unknown,
  option: "callAtStart" | "reminders",
): Promise<{ ok: true; meeting: Occurrence } | { ok: false; why: string; meeting?: Occurrence }> {
  const payload = occurrencePayload.parse(raw);
  const meeting = await db.meeting.findUnique({ where: { id: payload.meetingId }, include: { participants: true } });
  if (!meeting) return { ok: false, why: "meeting gone" };
  if (meeting.status !== "scheduled" && meeting.status !== "live")
    return { ok: false, why: `meeting ${meeting.status}` };
  if (meeting.startsAt.toISOString() !== payload.startsAt) return { ok: false, why: "meeting moved" };
  if (option === "callAtStart" && !meeting.callAtStart) return { ok: false, why: "call at start turned off" };
  const conn = await findConnection(meeting.workspaceId);
  if (!conn?.callerIdNumber) return { ok: false, why: "not_connected", meeting };
  if ((await budgetStatus(meeting.id, meeting.workspaceId)).reached)
    return { ok: false, why: "budget_reached", meeting };
  return { ok: true, meeting };
}

/** A skipped run the organiser should know about goes into the audit log with its reason. */
export async function auditSkippedOccurrence(
  meeting: Occurrence | undefined,
  action: string,
  why: string,
): Promise<void> {
  log.info({ meetingId: meeting?.id, action, why }, "occurrence job skipped");
  if (meeting && (why === "not_connected" || why === "budget_reached"))
    await recordAudit({
      workspaceId: meeting.workspaceId,
      actorId: null,
      action,
      target: meeting.id,
      details: { why },
    });
}
