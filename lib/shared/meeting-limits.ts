// Time limits that protect the wallet (ADR 0021). Pure and isomorphic: the server computes the stop
// from these rules, the settings form validates with the same schema, the roster counts down to it.

const MINUTE = 60_000;

export const LIMIT_DEFAULTS = {
  /** How long a meeting may run past its scheduled end before it is stopped. */
  graceMinutes: 15,
  /** The longest any meeting may run, extensions included. */
  maxMeetingMinutes: 240,
} as const;

/** One host extension (roster button or keypad). */
export const EXTEND_STEP_MINUTES = 15;
/** The roster starts counting down this long before the stop. */
export const COUNTDOWN_MS = 5 * MINUTE;
/** A caller alone in a started room this long is hung up (the empty-room guard). */
export const ALONE_LIMIT_MS = 5 * MINUTE;

export const GRACE_RANGE = { min: 0, max: 120 } as const;
export const MAX_MEETING_RANGE = { min: 30, max: 24 * 60 } as const;

/** The workspace's two settings (lib/shared/limit-settings-schema.ts validates them). */
export type LimitSettings = { stopGraceMinutes: number; maxMeetingMinutes: number };

/** What a host's Extend answers (the roster's button; the keypad speaks it instead). */
export type ExtendResult = { extended: true; stopAt: number; addedMinutes: number; atMaximum: boolean };

export type StopInput = {
  startsAt: Date;
  durationMinutes: number;
  extendedMinutes: number;
  /** When the room actually started; no hard stop before that (nobody is talking yet). */
  startedAt: Date | null;
};

export type HardStop = {
  /** When the meeting is ended for everyone (ms since the epoch). */
  at: number;
  /** The workspace maximum: no extension goes past it. */
  cap: number;
};

/**
 * The hard stop of a started meeting: its scheduled end plus the grace plus any extension, never
 * later than the workspace maximum after the room started. A meeting that started late keeps its
 * whole slot (the slot counts from the later of the scheduled and the actual start), so a late
 * start is never cut off the moment it begins.
 */
export function hardStopOf(m: StopInput, ws: LimitSettings): HardStop | null {
  if (!m.startedAt) return null;
  const started = m.startedAt.getTime();
  const slotStart = Math.max(m.startsAt.getTime(), started);
  const scheduled = slotStart + (m.durationMinutes + ws.stopGraceMinutes + m.extendedMinutes) * MINUTE;
  const cap = started + ws.maxMeetingMinutes * MINUTE;
  return { at: Math.min(scheduled, cap), cap };
}

/** Whether a host may still extend: the stop is not yet at the workspace maximum. */
export function canExtend(stop: HardStop): boolean {
  return stop.at < stop.cap;
}
