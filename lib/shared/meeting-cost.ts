import { buildStatement, type Statement, type StatementLeg } from "@/lib/spend/build-statement";
import type { RosterPerson } from "@/lib/shared/roster-types";

// A meeting's cost has one source: its legs, priced by legCostAt (Sautikit's per-second rule). The
// roster's header and rows sum it per leg; the statement groups the same legs per person. On the
// meeting page the statement is rebuilt from the live roster at the same instant as the header,
// so "cost so far", the statement's rows and its total are one figure, not three.

/** The roster's legs in the statement's shape (what lib/spend/meeting-statement reads from the database). */
export function statementLegsFromRoster(people: RosterPerson[]): StatementLeg[] {
  return people.flatMap((p) =>
    p.legs.map((l) => ({
      id: l.id,
      participantId: l.participantId,
      name: p.participantId ? p.name : null,
      phone: p.participantId ? p.phoneE164 : l.direction === "inbound" ? l.fromE164 : l.toE164,
      // As the database read does: the role they were let in with; a guest has no listed role.
      role: p.participantId || l.role === "host" ? l.role : null,
      direction: l.direction,
      callId: l.callId,
      answeredAt: l.answeredAt,
      waitingAt: l.waitingAt,
      joinedAt: l.joinedAt,
      endedAt: l.endedAt,
      durationSeconds: l.durationSeconds,
      costMinor: l.costMinor,
      ratePerMinuteMinor: l.ratePerMinuteMinor,
    })),
  );
}

export function rosterStatement(people: RosterPerson[], now: number): Statement {
  return buildStatement(statementLegsFromRoster(people), now);
}
