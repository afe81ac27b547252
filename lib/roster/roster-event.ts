import type { LeftReason, LegPurpose } from "@/lib/shared/roster-types";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";

// The roster is a pure function of a SET of facts (events), never of their arrival order: the
// webhook layer stores each fact once (keyed by event id) and the reducer folds them with
// commutative, idempotent merges (min/max/priority). Duplicates and reordering cannot change it.

export type CallOutcome = "completed" | "busy" | "no_answer" | "failed" | "canceled";

/** What an answered dial-out did when asked to press 1: joined, pressed 2, or said nothing (voicemail?). */
export type ConfirmResult = "accepted" | "declined" | "silent";

type Base = {
  /** Unique fact id: the provider's event id, or a local marker id. */
  key: string;
  /** Milliseconds since the epoch (provider time for provider events). */
  at: number;
  /** Per-room SequenceNumber for conference events. */
  seq?: number;
  legId?: string | null;
};

export type RosterEvent = Base &
  (
    | { kind: "dial.accepted"; callId: string }
    | { kind: "dial.failed"; reason: LeftReason }
    | { kind: "call.ringing" }
    | { kind: "call.answered" }
    | { kind: "call.ended"; outcome: CallOutcome; durationSeconds?: number; costMinor?: number; dropped?: boolean }
    | { kind: "confirm.asked" }
    | { kind: "confirm.result"; result: ConfirmResult }
    | { kind: "redial.scheduled" }
    | { kind: "redial.skipped" }
    | { kind: "room.start" }
    | { kind: "room.end" }
    | { kind: "room.join"; muted?: boolean }
    | { kind: "room.leave" }
    | { kind: "room.mute" }
    | { kind: "room.unmute" }
    // The room accepted our own mute / unmute command for this leg. `seq` is the leg's mute seq the
    // roster knew when the command was sent: any later room mute event overrides it.
    | { kind: "control.mute" }
    | { kind: "control.unmute" }
    | { kind: "control.kick" }
    // The empty-room guard hung this caller up after they were alone too long.
    | { kind: "control.alone" }
    | { kind: "control.end" }
    // Raised hands and the floor (ADR 0020): decided under the meeting lock, each fact later (`at`)
    // than the leg's previous one, so the latest fact per leg is its state.
    | { kind: "hand.raise" }
    | { kind: "hand.lower" }
    | { kind: "floor.grant" }
    | { kind: "floor.revoke" }
    // A host pressed *3 once: a second *3 soon after ends the meeting. Changes no leg's view.
    | { kind: "keypad.end-asked" }
  );

export type RosterEventKind = RosterEvent["kind"];

export type LegInfo = {
  id: string;
  participantId: string | null;
  role: ParticipantRole;
  direction: "outbound" | "inbound";
  attempt: number;
  /** Why Mkutano placed the call: "dial" (the default), "redial" (after a drop) or "reminder" (before the start). */
  purpose?: LegPurpose;
  callId: string | null;
  fromE164: string | null;
  toE164: string | null;
  ratePerMinuteMinor: number;
  createdAt: number;
};

export type RoomSettings = { endOnHostExit: boolean };
