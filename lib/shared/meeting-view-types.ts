// The meeting as sent to the browser (see lib/meetings/meeting-view.ts).
export type MeetingView = {
  id: string;
  title: string;
  agenda: string;
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  recurrence: string;
  waitForHost: boolean;
  endOnHostExit: boolean;
  callMeBack: boolean;
  confirmAnswer: boolean;
  redialOnDrop: boolean;
  callAtStart: boolean;
  remindByCall: boolean;
  reminderMinutes: number;
  beep: boolean;
  capacity: number;
  record: boolean;
  language: string;
  pin: string;
  hostPin: string;
  status: string;
  locked: boolean;
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
  dialInNumber: string | null;
  /** dialInNumber in international format, made on the server (no phone metadata in the browser). */
  dialInDisplay: string | null;
};
