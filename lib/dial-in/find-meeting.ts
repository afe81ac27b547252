import "server-only";
import { db } from "@/lib/db";
import { EARLY_JOIN_MS, pickInviteeMeeting } from "@/lib/dial-in/admission-window";

const LONGEST_MEETING_MS = 24 * 3600_000;
/** How long a closed meeting's PIN still gets "this meeting has ended" rather than "not recognised". */
const RECENTLY_CLOSED_MS = 7 * 24 * 3600_000;

/**
 * The meeting a caller's number is invited to that is live now or opens within 15 minutes, with
 * their participant row; null when there is none (they are asked for a PIN instead).
 */
export async function findInviteeMeeting(workspaceId: string, phoneE164: string, now = Date.now()) {
  const invites = await db.participant.findMany({
    where: {
      workspaceId,
      phoneE164,
      meeting: {
        workspaceId,
        OR: [
          { status: "live" },
          {
            status: "scheduled",
            startsAt: { lte: new Date(now + EARLY_JOIN_MS), gte: new Date(now - LONGEST_MEETING_MS) },
          },
        ],
      },
    },
    include: { meeting: true },
  });
  const meeting = pickInviteeMeeting(
    invites.map((i) => i.meeting),
    now,
  );
  const participant = meeting && invites.find((i) => i.meetingId === meeting.id);
  return meeting && participant ? { meeting, participant } : null;
}

/**
 * The meeting a PIN or host PIN opens. PINs are unique among live and upcoming meetings; an ended
 * or cancelled meeting may share its PIN with a newer one, so those only count when nothing open
 * matches (to tell the caller it is over rather than that the PIN is wrong).
 */
export async function findMeetingByPin(workspaceId: string, pin: string, now = Date.now()) {
  if (!/^\d{9,}$/.test(pin)) return null;
  const where = { workspaceId, OR: [{ pin }, { hostPin: pin }] };
  const open = await db.meeting.findFirst({
    where: { ...where, status: { in: ["scheduled", "live"] } },
    orderBy: { startsAt: "asc" },
  });
  const meeting =
    open ??
    (await db.meeting.findFirst({
      where: {
        ...where,
        status: { in: ["ended", "cancelled"] },
        startsAt: { gte: new Date(now - RECENTLY_CLOSED_MS) },
      },
      orderBy: { startsAt: "desc" },
    }));
  return meeting ? { meeting, asHost: meeting.hostPin === pin } : null;
}
