import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import type { LegView, PersonRow } from "@/lib/shared/roster-types";
import { GUEST_CALLER_NAME } from "@/lib/shared/caller-names";

// One row per person: a participant's re-dials and reconnects are merged into them (legs kept as
// history); inbound legs from an unknown number become one guest row per number, keyed by its first
// leg (not the number: a viewer may get numbers masked, and two masked numbers can look alike).

export type ParticipantInfo = { id: string; name: string; phoneE164: string; role: ParticipantRole; createdAt: number };

export function derivePeople(participants: ParticipantInfo[], legs: LegView[]): PersonRow[] {
  const byParticipant = new Map<string, LegView[]>();
  const byPhone = new Map(participants.map((p) => [p.phoneE164, p.id]));
  const guests = new Map<string, LegView[]>();

  for (const leg of legs) {
    const pid =
      leg.participantId ?? (leg.direction === "inbound" && leg.fromE164 ? byPhone.get(leg.fromE164) : undefined);
    if (pid) byParticipant.set(pid, [...(byParticipant.get(pid) ?? []), leg]);
    else {
      const phone = (leg.direction === "inbound" ? leg.fromE164 : leg.toE164) ?? "unknown";
      guests.set(phone, [...(guests.get(phone) ?? []), leg]);
    }
  }

  const rows: PersonRow[] = participants
    .slice()
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((p) => personRow(`p:${p.id}`, p.id, p.name, p.phoneE164, p.role, byParticipant.get(p.id) ?? []));
  for (const [phone, guestLegs] of [...guests].sort(([a], [b]) => a.localeCompare(b))) {
    const first = guestLegs.reduce((a, b) =>
      b.createdAt < a.createdAt || (b.createdAt === a.createdAt && b.id < a.id) ? b : a,
    );
    rows.push(
      personRow(
        `g:${first.id}`,
        null,
        GUEST_CALLER_NAME,
        phone,
        guestLegs.some((l) => l.role === "host") ? "host" : "participant",
        guestLegs,
      ),
    );
  }
  return rows;
}

function personRow(
  key: string,
  participantId: string | null,
  name: string,
  phone: string,
  role: ParticipantRole,
  legs: LegView[],
): PersonRow {
  const history = legs
    .slice()
    .sort((a, b) => a.createdAt - b.createdAt || a.attempt - b.attempt || a.id.localeCompare(b.id));
  const live = history.filter((l) => l.state !== "left");
  const current = live[live.length - 1] ?? history[history.length - 1] ?? null;
  return {
    key,
    participantId,
    name,
    phoneE164: phone,
    // A caller let in with the host PIN is a host for this call, whatever their listed role.
    role: current?.role === "host" ? "host" : role,
    state: current ? current.state : "invited",
    endReason: current?.state === "left" ? current.endReason : null,
    muted: current ? current.muted : role === "listener",
    handRaisedAt: current?.handRaisedAt ?? null,
    onFloor: current?.onFloor ?? false,
    currentLegId: current?.id ?? null,
    dialError: current?.state === "left" ? (current.dialError ?? null) : null,
    legs: history,
  };
}
