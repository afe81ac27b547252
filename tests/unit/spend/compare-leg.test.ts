import { describe, expect, it } from "vitest";
import { compareLeg, expectedStatus, type CallLogIssue, type LegFacts } from "@/lib/reconcile/compare-leg";
import { callLogIssueText, callStatusText } from "@/lib/reconcile/call-log-text";
import { translatorFor } from "@/lib/i18n/translator";
import { formatterFor } from "@/lib/shared/format";
import type { SautikitCall } from "@/lib/sautikit/responses";

const facts = (over: Partial<LegFacts> = {}): LegFacts => ({
  legId: "leg-1",
  callId: "call-1",
  meetingId: "m",
  meetingTitle: "Sync",
  participantName: "Amina",
  role: "participant",
  direction: "outbound",
  phone: "+254711000001",
  purpose: "dial",
  state: "left",
  endReason: "hung_up",
  answeredAt: new Date(0),
  endedAt: new Date(62_000),
  createdAt: new Date(0),
  durationSeconds: 62,
  costMinor: 310,
  ...over,
});
const call = (over: Partial<SautikitCall> = {}): SautikitCall => ({
  id: "call-1",
  direction: "outbound",
  status: "completed",
  duration_seconds: 62,
  cost_minor: 310,
  ...over,
});

describe("expectedStatus", () => {
  it("maps the app's leg to the Sautikit status it implies", () => {
    expect(expectedStatus(facts())).toBe("completed");
    expect(expectedStatus(facts({ answeredAt: null, endReason: "busy" }))).toBe("busy");
    expect(expectedStatus(facts({ answeredAt: null, endReason: "meeting_ended" }))).toBe("canceled");
    expect(expectedStatus(facts({ state: "ringing", answeredAt: null, endedAt: null }))).toBe("ringing");
    expect(expectedStatus(facts({ state: "in_call", endedAt: null }))).toBe("answered");
    expect(expectedStatus(facts({ callId: null, state: "created" }))).toBe("queued");
  });
});

describe("compareLeg", () => {
  it("has no issue when status, billed seconds and cost agree", () => {
    expect(compareLeg(facts(), call(), true).issues).toEqual([]);
  });

  it("reports each difference", () => {
    const row = compareLeg(facts({ costMinor: 300, durationSeconds: 60 }), call(), true);
    expect(row.issues).toEqual([
      { kind: "seconds", app: 60, sautikit: 62 },
      { kind: "cost", app: 300, sautikit: 310 },
    ]);
  });

  it("flags a leg the app still thinks is live when Sautikit has ended the call", () => {
    const row = compareLeg(
      facts({ state: "in_call", endedAt: null, durationSeconds: null, costMinor: null }),
      call(),
      true,
    );
    expect(row.issues[0]).toEqual({ kind: "still_live", app: "answered", sautikit: "completed" });
  });

  it("accepts any unanswered outcome for a ringing call the app cancelled", () => {
    const f = facts({ answeredAt: null, endReason: "meeting_ended", durationSeconds: 0, costMinor: 0 });
    expect(compareLeg(f, call({ status: "canceled", duration_seconds: 0, cost_minor: 0 }), true).issues).toEqual([]);
    expect(compareLeg(f, call({ status: "completed", duration_seconds: 5, cost_minor: 25 }), true).issues).not.toEqual(
      [],
    );
  });

  it("reports a call Sautikit has no record of, unless Sautikit could not be asked", () => {
    expect(compareLeg(facts(), undefined, true).issues).toEqual([{ kind: "no_record" }]);
    expect(compareLeg(facts(), undefined, false).issues).toEqual([]);
    expect(compareLeg(facts({ callId: null, state: "left", endReason: "failed" }), undefined, true).issues).toEqual([]);
  });
});

describe("the call log's words for each difference", () => {
  const words = (locale: "en" | "sw") => {
    const t = translatorFor(locale, "CallLog");
    const fmt = formatterFor(locale);
    return (issue: CallLogIssue) => callLogIssueText(t, fmt, issue);
  };

  it("says each difference in English and in Swahili, statuses and money included", () => {
    const issues: CallLogIssue[] = [
      { kind: "no_record" },
      { kind: "still_live", app: "answered", sautikit: "completed" },
      { kind: "status", app: "no_answer", sautikit: "busy" },
      { kind: "seconds", app: 60, sautikit: 62 },
      { kind: "cost", app: 300, sautikit: 310 },
      { kind: "unbilled" },
    ];
    expect(issues.map(words("en"))).toEqual([
      "Sautikit has no record of this call",
      "Sautikit says completed; the app still shows answered",
      "Status differs: app no answer, Sautikit busy",
      "Billed time differs: app 60 s, Sautikit 62 s",
      "Cost differs: app KES 3.00, Sautikit KES 3.10",
      "Sautikit billed a call the app has no cost for",
    ]);
    expect(issues.map(words("sw"))).toEqual([
      "Sautikit haina kumbukumbu ya simu hii",
      "Sautikit inasema imekamilika; programu bado inaonyesha imepokelewa",
      "Hali inatofautiana: programu haikujibiwa, Sautikit inatumika",
      "Muda uliotozwa unatofautiana: programu sek 60, Sautikit sek 62",
      "Gharama inatofautiana: programu KES 3.00, Sautikit KES 3.10",
      "Sautikit imetoza simu ambayo programu haina gharama yake",
    ]);
  });

  it("names a status it does not know by its code, and none as a dash", () => {
    expect(callStatusText(translatorFor("sw", "CallLog"), "voicemail")).toBe("voicemail");
    expect(callStatusText(translatorFor("sw", "CallLog"), "canceled")).toBe("imesitishwa");
    expect(callStatusText(translatorFor("en", "CallLog"), null)).toBe("—");
  });
});
