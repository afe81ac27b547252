import "server-only";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { createLegIfIdle, DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";
import { dialRatePerSecond } from "@/lib/meetings/dial-pace";
import { runOccurrenceJob } from "@/lib/meetings/run-occurrence-job";

// Voice reminders: N minutes before an occurrence starts (the meeting's reminderMinutes, default
// 10) each participant who wants one (their own choice, else the meeting's default) gets a call of
// purpose "reminder": "<title> starts in 10 minutes. Press 1 to join now and wait for the host…"
// (lib/meetings/confirm-answer.ts). Pressing 1 takes them into the room like any dial-out, so they
// wait there for the host. One reminder per person per occurrence, whatever runs the job how often:
// each is a fact keyed by the person and the start, written under the meeting lock with its leg.

export const reminderKey = (participantId: string, startsAt: Date) =>
  `reminder:${participantId}:${startsAt.toISOString()}`;

/** Who gets a reminder call: their own choice, else the meeting's default; never a guest. */
export function wantsReminder(p: { isGuest: boolean; remindByCall: boolean | null }, meetingDefault: boolean) {
  return !p.isGuest && (p.remindByCall ?? meetingDefault);
}

export async function runSendReminders(payload: unknown): Promise<{ queued: number } | { skipped: string }> {
  return runOccurrenceJob(payload, "reminders", async (tx, m) => {
    const spacingMs = Math.ceil(1000 / Math.max(1, dialRatePerSecond(m.workspaceId)));
    const now = Date.now();
    let n = 0;
    for (const p of m.participants.filter((x) => wantsReminder(x, m.remindByCall))) {
      const key = reminderKey(p.id, m.startsAt);
      if (await tx.rosterEvent.findUnique({ where: { meetingId_key: { meetingId: m.id, key } } })) continue;
      // Someone already on a call (in early, or being dialled) needs no reminder.
      const { leg, created } = await createLegIfIdle(tx, m.workspaceId, m.id, p.id, "reminder");
      await tx.rosterEvent.create({
        data: {
          workspaceId: m.workspaceId,
          meetingId: m.id,
          legId: created ? leg.id : null,
          key,
          kind: "reminder.queued",
          at: new Date(now),
          data: { participantId: p.id, sent: created },
        },
      });
      if (!created) continue;
      await enqueueJob(
        {
          kind: DIAL_LEG_JOB,
          payload: { legId: leg.id },
          uniqueKey: `dial:${leg.idempotencyKey}`,
          runAt: new Date(now + n * spacingMs),
        },
        tx,
      );
      n += 1;
    }
    return { queued: n, details: { calls: n } };
  });
}
