import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import type { ModerationMode } from "@/lib/shared/phone-keys";
import type { ErrorKey, ErrorParams } from "@/lib/shared/error-keys";

// Roster shapes shared by the server (reducer, API) and the browser (live roster).

/** A leg only ever moves right along this list. */
export const legStates = ["created", "dialling", "ringing", "answered", "waiting", "in_call", "left"] as const;
export type LegState = (typeof legStates)[number];

export const leftReasons = [
  "hung_up",
  "kicked",
  "no_answer",
  "busy",
  "failed",
  "meeting_ended",
  // Answer confirmation: pressed 2, or nobody pressed anything (a voicemail, most likely).
  "declined",
  "no_person",
  // The network dropped the call (network_out_of_order); with an automatic call back on its way.
  "dropped",
  "dropped_calling_back",
  // The empty-room guard hung up a caller left alone in the room (ADR 0021).
  "alone",
  // A reminder call before the start that the person heard and hung up on (they did not join early).
  "reminded",
] as const;
export type LeftReason = (typeof leftReasons)[number];

/** Why a leg was placed; inbound legs are "dial". */
export const legPurposes = ["dial", "redial", "reminder"] as const;
export type LegPurpose = (typeof legPurposes)[number];
export const legPurpose = (raw: string): LegPurpose =>
  (legPurposes as readonly string[]).includes(raw) ? (raw as LegPurpose) : "dial";

export type LegView = {
  id: string;
  participantId: string | null;
  role: ParticipantRole;
  direction: "outbound" | "inbound";
  attempt: number;
  purpose: LegPurpose;
  callId: string | null;
  fromE164: string | null;
  toE164: string | null;
  state: LegState;
  endReason: LeftReason | null;
  muted: boolean;
  muteSeq: number;
  lastSeq: number;
  ratePerMinuteMinor: number;
  createdAt: number;
  ringingAt: number | null;
  answeredAt: number | null;
  waitingAt: number | null;
  /** When the leg entered a started room (time in call counts from here). */
  joinedAt: number | null;
  endedAt: number | null;
  /** Billed seconds (answered → ended); null while live or never answered. */
  durationSeconds: number | null;
  /** Final cost; null while live (the browser meters it from answeredAt). */
  costMinor: number | null;
  /** When this leg's hand went up (ms), or null. */
  handRaisedAt: number | null;
  /** A host gave this leg the floor: it may talk in Presentation and Q&A (ADR 0020). */
  onFloor: boolean;
  /** Why the dial was refused for good (wallet empty, number not owned, invalid number…); set by the read model only. */
  dialError?: DialError | null;
};

/**
 * Why a dial was refused: its code and message. On the server the message's catalog key and values
 * ride along until the snapshot is said in a reader's language (lib/roster/say-dial-errors.ts);
 * the browser gets `code` and `message` only.
 */
export type DialError = { code: string; message: string; key?: ErrorKey; params?: ErrorParams };

export type PersonState = "invited" | LegState;

export type PersonRow = {
  key: string;
  participantId: string | null;
  name: string;
  phoneE164: string;
  role: ParticipantRole;
  state: PersonState;
  endReason: LeftReason | null;
  muted: boolean;
  /** The current leg's hand: when it went up (ms), or null. */
  handRaisedAt: number | null;
  /** The current leg has the floor (ADR 0020). */
  onFloor: boolean;
  /** The leg controls act on: the newest live leg, or the newest leg. */
  currentLegId: string | null;
  /** The permanent error that stopped the current leg's dial (shown with a Retry). */
  dialError: DialError | null;
  legs: LegView[];
};

/**
 * A roster row as sent to the browser: the reducer's row plus display strings made on the server,
 * so the page never ships phone-number metadata.
 */
export type RosterPerson = PersonRow & {
  /** The person's number in international format ("+254 712 345678"). */
  phoneDisplay: string;
  /** Whether they get a reminder call before the start (their own choice, else the meeting's default). */
  remindsByCall?: boolean;
};

/** The live roster payload (page props, GET /roster and every SSE `roster` event). */
export type RosterSnapshot = {
  meeting: {
    id: string;
    status: string;
    locked: boolean;
    moderation: ModerationMode;
    startedAt: number | null;
    endedAt: number | null;
    capacity: number;
    /** Recorded: the roster shows it, callers hear a notice before joining. */
    record: boolean;
    /** When the meeting will be ended for everyone (ms), while it is live; null otherwise. */
    hardStopAt: number | null;
    /** A host may still extend it (the stop is not yet at the workspace maximum). */
    canExtend: boolean;
  };
  people: RosterPerson[];
  /** Since when Sautikit has not been answering this workspace's dials (ms), or null: the outage banner. */
  sautikitDownSince: number | null;
  /** Server time the snapshot was taken, so the browser's meters agree with the server clock. */
  serverNow: number;
  /** Changes whenever anything in the roster changes (used by the stream to skip no-op pushes). */
  version: string;
};
