// The live roster's status badge is where focus goes when the control that had it disappears
// (Cancel meeting, End meeting): it is what changed, and a screen reader reads the new status.
export const MEETING_STATUS_ID = "meeting-status";

export function focusMeetingStatus(): void {
  document.getElementById(MEETING_STATUS_ID)?.focus();
}
