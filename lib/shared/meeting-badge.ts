import { legStates, type LegState } from "@/lib/shared/roster-types";

// The badge a meeting wears follows what is happening, not only the stored status: a scheduled
// meeting whose phones are ringing says "calling" (the stored status turns "live" only once the
// room starts), then live, then ended.

export const meetingBadgeStatuses = ["scheduled", "calling", "live", "ended", "cancelled"] as const;
export type MeetingBadgeStatus = (typeof meetingBadgeStatuses)[number];

/** Leg states of a call that is under way but not yet in a started room: every state before in_call. */
export const CALLING_LEG_STATES = legStates.slice(0, legStates.indexOf("in_call")) as readonly Exclude<
  LegState,
  "in_call" | "left"
>[];

export const meetingBadgeTone = {
  scheduled: "info",
  calling: "warning",
  live: "success",
  ended: "neutral",
  cancelled: "danger",
} as const satisfies Record<MeetingBadgeStatus, string>;

export function meetingBadgeStatus(status: string, callsUnderWay: number): MeetingBadgeStatus {
  if (status === "scheduled") return callsUnderWay > 0 ? "calling" : "scheduled";
  return (meetingBadgeStatuses as readonly string[]).includes(status) ? (status as MeetingBadgeStatus) : "scheduled";
}
