import type { SautikitCall } from "@/lib/sautikit/responses";
import type { LeftReason, LegPurpose, LegState } from "@/lib/shared/roster-types";

// One leg against Sautikit's record of its call. Pure, so the rules are unit-tested.

/** Which leg, of which meeting, for whom: what the call log shows of every leg, read or reported. */
type LegIdentity = {
  legId: string;
  callId: string | null;
  meetingId: string;
  meetingTitle: string;
  participantName: string | null;
  role: string;
  direction: string;
  phone: string | null;
};

export type LegFacts = LegIdentity & {
  /** Why the call was placed: a dial, a call back after a drop, a reminder. */
  purpose: LegPurpose;
  state: string;
  endReason: string | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  durationSeconds: number | null;
  costMinor: number | null;
};

/**
 * One difference between the app's view of a call and Sautikit's record, as data: the call log
 * page says it in the reader's language (statuses are Sautikit's own codes, cost in minor units).
 */
export type CallLogIssue =
  | { kind: "no_record" }
  | { kind: "still_live"; app: string; sautikit: string }
  | { kind: "status"; app: string; sautikit: string }
  | { kind: "seconds"; app: number; sautikit: number }
  | { kind: "cost"; app: number; sautikit: number }
  | { kind: "unbilled" };

export type CallLogRow = LegIdentity & {
  createdAt: string;
  purpose: LegPurpose;
  /** The leg's state and why it ended, named as the roster and the statement name them. */
  outcome: { state: LegState; endReason: LeftReason | null };
  app: { status: string; durationSeconds: number | null; costMinor: number | null };
  sautikit: { status: string; durationSeconds: number | null; costMinor: number | null } | null;
  issues: CallLogIssue[];
};

const LIVE = new Set(["ringing", "answered"]);
const UNANSWERED = new Set(["no_answer", "busy", "failed", "canceled"]);

/** The Sautikit status the app's view of a leg implies. */
export function expectedStatus(f: Pick<LegFacts, "state" | "endReason" | "answeredAt" | "callId">): string {
  if (!f.callId) return f.state === "left" ? "not_placed" : "queued";
  if (f.state !== "left")
    return f.answeredAt || ["answered", "waiting", "in_call"].includes(f.state) ? "answered" : "ringing";
  if (f.answeredAt) return "completed";
  if (f.endReason === "no_answer" || f.endReason === "busy" || f.endReason === "failed") return f.endReason;
  return "canceled";
}

function sameOutcome(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  // A ringing call the app cancelled may be recorded by Sautikit as canceled or failed; both unanswered.
  return expected === "canceled" && UNANSWERED.has(actual);
}

export function compareLeg(f: LegFacts, call: SautikitCall | undefined, sautikitReachable: boolean): CallLogRow {
  const app = { status: expectedStatus(f), durationSeconds: f.durationSeconds, costMinor: f.costMinor };
  const issues: CallLogIssue[] = [];
  const base = {
    legId: f.legId,
    callId: f.callId,
    meetingId: f.meetingId,
    meetingTitle: f.meetingTitle,
    participantName: f.participantName,
    role: f.role,
    direction: f.direction,
    phone: f.phone,
    createdAt: f.createdAt.toISOString(),
    purpose: f.purpose,
    outcome: { state: f.state as LegState, endReason: (f.endReason ?? null) as LeftReason | null },
    app,
  };
  if (!f.callId) return { ...base, sautikit: null, issues };
  if (!call) {
    if (sautikitReachable) issues.push({ kind: "no_record" });
    return { ...base, sautikit: null, issues };
  }
  const remote = {
    status: call.status,
    durationSeconds: call.duration_seconds ?? null,
    costMinor: call.cost_minor ?? null,
  };
  if (!sameOutcome(app.status, remote.status)) {
    // A live leg whose call Sautikit already ended means the ending event never arrived (or not yet).
    issues.push({ kind: LIVE.has(app.status) ? "still_live" : "status", app: app.status, sautikit: remote.status });
  }
  const finished = !LIVE.has(remote.status) && !LIVE.has(app.status);
  if (
    finished &&
    app.durationSeconds !== null &&
    remote.durationSeconds !== null &&
    app.durationSeconds !== remote.durationSeconds
  ) {
    issues.push({ kind: "seconds", app: app.durationSeconds, sautikit: remote.durationSeconds });
  }
  if (finished && app.costMinor !== null && remote.costMinor !== null && app.costMinor !== remote.costMinor) {
    issues.push({ kind: "cost", app: app.costMinor, sautikit: remote.costMinor });
  }
  if (finished && app.costMinor === null && (remote.costMinor ?? 0) > 0) issues.push({ kind: "unbilled" });
  return { ...base, sautikit: remote, issues };
}
