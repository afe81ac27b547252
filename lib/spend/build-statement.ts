import { GUEST_CALLER_NAME } from "@/lib/shared/caller-names";
import { legCostAt } from "@/lib/shared/cost";
import type { LeftReason, LegPurpose, LegState, LegView } from "@/lib/shared/roster-types";

// A meeting's cost statement per participant, folded from its legs. Pure (times in ms), so the
// rules are unit-tested: seconds connected = time in the started room, seconds waiting = time in
// the room before it started (or before the host came), billed seconds and cost = Sautikit's.

/** A leg with its times and money as the roster has them (LegView), and whom it called. */
export type StatementLeg = Pick<
  LegView,
  | "id"
  | "participantId"
  | "callId"
  | "answeredAt"
  | "waitingAt"
  | "joinedAt"
  | "endedAt"
  | "durationSeconds"
  | "costMinor"
  | "ratePerMinuteMinor"
> & {
  name: string | null;
  phone: string | null;
  role: string | null;
  direction: string;
  /** Why the call was placed, how it ended (the roster's names); absent = an ordinary call. */
  purpose?: LegPurpose;
  state?: LegState;
  endReason?: LeftReason | null;
};

/** One call of a person, as the statement's "Calls" column tells it. */
export type StatementCall = { purpose: LegPurpose; state: LegState; endReason: LeftReason | null; costMinor: number };

export type StatementRow = {
  key: string;
  name: string;
  phone: string;
  role: string;
  legs: number;
  /** First time they were in the room (waiting or in the call). */
  joinedAt: number | null;
  /** Last time they left; null while still connected. */
  leftAt: number | null;
  secondsConnected: number;
  secondsWaiting: number;
  billedSeconds: number;
  costMinor: number;
  /** Each call, oldest first: a reminder, a dial-out, a re-dial after a drop… with its outcome. */
  calls: StatementCall[];
};

export type Statement = {
  rows: StatementRow[];
  totals: Omit<StatementRow, "key" | "name" | "phone" | "role" | "joinedAt" | "leftAt" | "calls">;
};

const secs = (from: number, to: number) => Math.max(0, Math.floor((to - from) / 1000));

export function buildStatement(legs: StatementLeg[], now: number): Statement {
  const groups = new Map<string, StatementLeg[]>();
  for (const l of legs) {
    const key = l.participantId ?? `phone:${l.phone ?? l.id}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const rows: StatementRow[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    let joinedAt: number | null = null;
    let leftAt: number | null = null;
    let stillIn = false;
    let secondsConnected = 0;
    let secondsWaiting = 0;
    let billedSeconds = 0;
    let costMinor = 0;
    const calls: StatementCall[] = [];
    for (const l of group) {
      const entered = l.waitingAt ?? l.joinedAt;
      const end = l.endedAt ?? now;
      if (entered !== null) {
        joinedAt = joinedAt === null ? entered : Math.min(joinedAt, entered);
        if (l.endedAt === null) stillIn = true;
        else leftAt = leftAt === null ? l.endedAt : Math.max(leftAt, l.endedAt);
      }
      if (l.joinedAt !== null) secondsConnected += secs(l.joinedAt, end);
      if (l.waitingAt !== null) secondsWaiting += secs(l.waitingAt, l.joinedAt ?? end);
      billedSeconds += l.durationSeconds ?? (l.answeredAt !== null ? secs(l.answeredAt, end) : 0);
      const legCost = legCostAt(
        {
          costMinor: l.costMinor,
          answeredAt: l.answeredAt,
          endedAt: l.endedAt,
          ratePerMinuteMinor: l.ratePerMinuteMinor,
        },
        now,
      );
      costMinor += legCost;
      calls.push({
        purpose: l.purpose ?? "dial",
        state: l.state ?? (l.endedAt !== null ? "left" : "in_call"),
        endReason: l.endReason ?? null,
        costMinor: legCost,
      });
    }
    rows.push({
      // A guest's row is keyed by their first call, not their number: a viewer may get numbers
      // masked, and two masked numbers can look alike (ADR 0022).
      key: first.participantId ?? `leg:${first.id}`,
      name: first.name ?? GUEST_CALLER_NAME,
      phone: first.phone ?? "",
      // Host on any of their calls (e.g. let in with the host PIN) makes them a host here too.
      role: group.some((l) => l.role === "host")
        ? "host"
        : (first.role ?? (first.direction === "inbound" ? "dial-in" : "participant")),
      legs: group.length,
      joinedAt,
      leftAt: stillIn ? null : leftAt,
      secondsConnected,
      secondsWaiting,
      billedSeconds,
      costMinor,
      calls,
    });
  }
  rows.sort((a, b) => (a.joinedAt ?? Infinity) - (b.joinedAt ?? Infinity) || a.name.localeCompare(b.name));
  const totals = rows.reduce(
    (t, r) => ({
      legs: t.legs + r.legs,
      secondsConnected: t.secondsConnected + r.secondsConnected,
      secondsWaiting: t.secondsWaiting + r.secondsWaiting,
      billedSeconds: t.billedSeconds + r.billedSeconds,
      costMinor: t.costMinor + r.costMinor,
    }),
    { legs: 0, secondsConnected: 0, secondsWaiting: 0, billedSeconds: 0, costMinor: 0 },
  );
  return { rows, totals };
}
