import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hardStopOf, type HardStop } from "@/lib/shared/meeting-limits";

// The hard stop (ADR 0021): one durable job per meeting (each weekly occurrence is its own meeting
// row), armed when the room starts, moved by every extension. The job decides nothing from its own
// due time: it re-reads the meeting and the workspace limits and ends the meeting only if the stop
// has really passed, under the meeting lock — an extension committed a moment earlier always wins,
// and a job that runs early (a stale due time, another instance) simply waits again.

export const HARD_STOP_JOB = "call-control.hard-stop";

type Tx = Prisma.TransactionClient;
type StopMeeting = Prisma.MeetingGetPayload<{ include: { workspace: true } }>;

const jobKey = (meetingId: string) => `hard-stop:${meetingId}`;

export function stopFor(m: StopMeeting): HardStop | null {
  return hardStopOf(m, m.workspace);
}

/**
 * Makes the meeting's stop job due at `at`: creates it, moves a waiting one, or revives one that
 * already finished (a job that is running right now re-reads the meeting itself). Call inside the
 * transaction that changed the stop; the idle worker polls every second, and a stop is minutes away.
 */
export async function scheduleHardStop(tx: Tx, workspaceId: string, meetingId: string, at: Date): Promise<void> {
  const uniqueKey = jobKey(meetingId);
  const job = await tx.job.findUnique({ where: { uniqueKey }, select: { id: true, status: true } });
  if (!job) {
    await tx.job.create({ data: { kind: HARD_STOP_JOB, payload: { workspaceId, meetingId }, uniqueKey, runAt: at } });
    return;
  }
  if (job.status === "running") return;
  await tx.job.update({
    where: { id: job.id },
    data: { status: "pending", runAt: at, attempts: 0, lastError: null, lockedUntil: null, lockedBy: null },
  });
}

/** The room started (or its start time moved): arm the stop. Runs in the roster transaction. */
export async function armHardStop(tx: Tx, meetingId: string): Promise<void> {
  const m = await tx.meeting.findUnique({ where: { id: meetingId }, include: { workspace: true } });
  const stop = m && stopFor(m);
  if (m && stop) await scheduleHardStop(tx, m.workspaceId, m.id, new Date(stop.at));
}
