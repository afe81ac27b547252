import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { findMeetingForActor, type MeetingRow } from "@/lib/meetings/meeting-scope";
import { pickMeetingSettings } from "@/lib/meetings/meeting-settings";
import type { MeetingView } from "@/lib/shared/meeting-view-types";
import { formatPhone } from "@/lib/shared/phone";
import { forViewer } from "@/lib/privacy/phone-visibility";

/** What the browser may see of a meeting: explicit fields, never the row. */
export function toMeetingView(m: MeetingRow, dialInNumber: string | null): MeetingView {
  return {
    id: m.id,
    title: m.title,
    agenda: m.agenda,
    startsAt: m.startsAt.toISOString(),
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    recurrence: m.recurrence,
    ...pickMeetingSettings(m),
    pin: m.pin,
    hostPin: m.hostPin,
    status: m.status,
    locked: m.locked,
    startedAt: m.startedAt?.toISOString() ?? null,
    endedAt: m.endedAt?.toISOString() ?? null,
    updatedAt: m.updatedAt.toISOString(),
    dialInNumber,
    dialInDisplay: dialInNumber ? formatPhone(dialInNumber) : null,
  };
}

export async function getMeetingView(actor: Actor, meetingId: string): Promise<MeetingView> {
  const meeting = await findMeetingForActor(actor, meetingId);
  const conn = await db.sautikitConnection.findUnique({
    where: { workspaceId: actor.workspaceId },
    select: { dialInNumber: true },
  });
  return forViewer(actor, toMeetingView(meeting, conn?.dialInNumber ?? null));
}
