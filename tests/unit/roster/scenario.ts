import type { LegInfo, RosterEvent } from "@/lib/roster/roster-event";

// A realistic meeting: host, two participants (one re-dialled after a drop), a listener, a busy
// number, a kicked participant; the host leaves and the meeting ends for everyone.

const t0 = Date.parse("2026-12-01T06:30:00Z");
const at = (s: number) => t0 + s * 1000;

const leg = (id: string, participantId: string, role: LegInfo["role"], attempt = 1, created = 0): LegInfo => ({
  id,
  participantId,
  role,
  direction: "outbound",
  attempt,
  callId: null,
  fromE164: "+254709000200",
  toE164: null,
  ratePerMinuteMinor: 300,
  createdAt: at(created),
});

export const legs: LegInfo[] = [
  leg("L-host", "P-host", "host"),
  leg("L-amina", "P-amina", "participant"),
  leg("L-juma1", "P-juma", "participant"),
  leg("L-juma2", "P-juma", "participant", 2, 40),
  leg("L-busy", "P-busy", "participant"),
  leg("L-listen", "P-listen", "listener"),
  leg("L-kick", "P-kick", "participant"),
];

let n = 0;
type Draft = RosterEvent extends infer E ? (E extends RosterEvent ? Omit<E, "key"> & { key?: string } : never) : never;
const ev = (e: Draft): RosterEvent => ({ ...e, key: e.key ?? `e${++n}` }) as RosterEvent;

export const events: RosterEvent[] = [
  ...legs
    .filter((l) => l.id !== "L-juma2")
    .map((l) => ev({ kind: "dial.accepted", legId: l.id, callId: `C-${l.id}`, at: at(1) })),
  ...legs.filter((l) => l.id !== "L-juma2").map((l) => ev({ kind: "call.ringing", legId: l.id, at: at(2) })),
  ev({ kind: "call.ended", legId: "L-busy", outcome: "busy", at: at(3) }),
  ev({ kind: "call.answered", legId: "L-amina", at: at(4) }),
  ev({ kind: "room.join", legId: "L-amina", seq: 1, at: at(5), muted: false }),
  ev({ kind: "call.answered", legId: "L-listen", at: at(5) }),
  ev({ kind: "room.join", legId: "L-listen", seq: 2, at: at(6), muted: true }),
  ev({ kind: "room.mute", legId: "L-listen", seq: 3, at: at(6) }),
  ev({ kind: "call.answered", legId: "L-host", at: at(9) }),
  ev({ kind: "room.join", legId: "L-host", seq: 4, at: at(10), muted: false }),
  ev({ kind: "room.start", seq: 5, at: at(10) }),
  ev({ kind: "call.answered", legId: "L-juma1", at: at(11) }),
  ev({ kind: "room.join", legId: "L-juma1", seq: 6, at: at(12), muted: false }),
  ev({ kind: "call.answered", legId: "L-kick", at: at(12) }),
  ev({ kind: "room.join", legId: "L-kick", seq: 7, at: at(13), muted: false }),
  ev({ kind: "room.mute", legId: "L-amina", seq: 8, at: at(20) }),
  ev({ kind: "room.unmute", legId: "L-amina", seq: 9, at: at(25) }),
  ev({ kind: "room.mute", legId: "L-amina", seq: 10, at: at(26) }),
  // Juma drops; the organiser re-dials him (attempt 2).
  ev({ kind: "room.leave", legId: "L-juma1", seq: 11, at: at(30) }),
  ev({ kind: "call.ended", legId: "L-juma1", outcome: "completed", durationSeconds: 19, costMinor: 95, at: at(30) }),
  ev({ kind: "dial.accepted", legId: "L-juma2", callId: "C-L-juma2", at: at(41) }),
  ev({ kind: "call.ringing", legId: "L-juma2", at: at(41) }),
  ev({ kind: "call.answered", legId: "L-juma2", at: at(44) }),
  ev({ kind: "room.join", legId: "L-juma2", seq: 12, at: at(45), muted: false }),
  ev({ kind: "control.kick", legId: "L-kick", at: at(50) }),
  ev({ kind: "room.leave", legId: "L-kick", seq: 13, at: at(50) }),
  ev({ kind: "call.ended", legId: "L-kick", outcome: "completed", at: at(50) }),
  // The host leaves; the meeting ends for everyone.
  ev({ kind: "room.leave", legId: "L-host", seq: 14, at: at(70) }),
  ev({ kind: "room.leave", legId: "L-amina", seq: 15, at: at(70) }),
  ev({ kind: "room.leave", legId: "L-listen", seq: 16, at: at(70) }),
  ev({ kind: "room.leave", legId: "L-juma2", seq: 17, at: at(70) }),
  ev({ kind: "room.end", seq: 18, at: at(70) }),
  ev({ kind: "call.ended", legId: "L-host", outcome: "completed", at: at(70) }),
  ev({ kind: "call.ended", legId: "L-amina", outcome: "completed", at: at(70) }),
  ev({ kind: "call.ended", legId: "L-listen", outcome: "completed", at: at(70) }),
  ev({ kind: "call.ended", legId: "L-juma2", outcome: "completed", at: at(70) }),
];

export const startOfScenario = t0;
