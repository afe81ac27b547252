import type { LeftReason, PersonRow } from "@/lib/shared/roster-types";

// How a person's (or one call's) state is named, the same way on the roster, in the announcer, in
// the statement CSV and (by the same reason codes) in the audit log: "In call", "Left (no answer)",
// or a reason that says it all on its own ("Declined", "Dropped — calling back"). Returns catalog
// keys of the Roster namespace, so each side formats them with its own translator.

const TITLED = ["declined", "no_person", "dropped", "dropped_calling_back", "reminded"] as const;
type TitledReason = (typeof TITLED)[number];

export type StateTextKeys =
  | { title: `states.${PersonRow["state"]}` | `reasonTitles.${TitledReason}` }
  | { state: "states.left"; reason: `reasons.${LeftReason}` };

export function stateTextKeys(p: Pick<PersonRow, "state" | "endReason">): StateTextKeys {
  if (p.state !== "left" || !p.endReason) return { title: `states.${p.state}` };
  if ((TITLED as readonly string[]).includes(p.endReason))
    return { title: `reasonTitles.${p.endReason as TitledReason}` };
  return { state: "states.left", reason: `reasons.${p.endReason}` };
}
