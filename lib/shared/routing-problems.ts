// Routing-check findings in words, for the settings page, its banner and the Test connection answer.

export type RoutingProblemView = {
  role: "dial_in" | "caller_id";
  e164: string;
  field: "missing" | "voice_callback_url" | "events_url" | "signing_secret";
  expected: string | null;
  actual: string | null;
};

const roleName = { dial_in: "dial-in", caller_id: "caller-ID" } as const;
const roleNameSw = { dial_in: "ya kupiga ndani", caller_id: "ya kitambulisho cha mpigaji" } as const;

export function describeProblem(p: RoutingProblemView, lang: "en" | "sw" = "en"): string {
  if (lang === "sw") {
    const n = `nambari ${roleNameSw[p.role]} ${p.e164}`;
    switch (p.field) {
      case "missing":
        return `${n} haipo tena kwenye akaunti ya Sautikit`;
      case "voice_callback_url":
        return `${n} inatuma simu zinazoingia kwa ${p.actual ?? "popote"}`;
      case "events_url":
        return `${n} inatuma matukio ya simu kwa ${p.actual ?? "popote"}`;
      case "signing_secret":
        return `${n} inasaini webhook kwa siri ambayo eneo hili la kazi halina`;
    }
  }
  const n = `the ${roleName[p.role]} number ${p.e164}`;
  switch (p.field) {
    case "missing":
      return `${n} is no longer on the Sautikit account`;
    case "voice_callback_url":
      return `${n} sends incoming calls to ${p.actual ?? "nowhere"}`;
    case "events_url":
      return `${n} sends call events to ${p.actual ?? "nowhere"}`;
    case "signing_secret":
      return `${n} signs webhooks with a secret this workspace does not hold`;
  }
}

export function describeProblems(problems: RoutingProblemView[], lang: "en" | "sw" = "en"): string {
  return problems.map((p) => describeProblem(p, lang)).join("; ");
}
