"use client";

import { useEffect, useRef, useState } from "react";
import { personStateText } from "@/components/roster/roster-row";
import { useT } from "@/lib/i18n/client";
import type { PersonRow } from "@/lib/shared/roster-types";

/** Tells screen-reader users what changed in the roster ("Amina: in call", "Amina raised a hand"), politely. */
export function RosterAnnouncer({ people }: { people: PersonRow[] }) {
  const t = useT("Roster");
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    const now = new Map(
      people.map((p) => [p.key, `${p.state}|${p.endReason ?? ""}|${p.muted}|${p.handRaisedAt !== null}`]),
    );
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const changes: string[] = [];
    for (const p of people) {
      const was = before.get(p.key);
      if (was === undefined || was === now.get(p.key)) continue;
      const [wasState, wasReason, wasMuted, wasHand] = was.split("|");
      if (wasState !== p.state || wasReason !== (p.endReason ?? "")) {
        changes.push(t("announceState", { name: p.name, state: personStateText(t, p).toLowerCase() }));
      } else if (wasMuted !== String(p.muted)) {
        changes.push(t("announceMuted", { name: p.name, muted: String(p.muted) }));
      }
      if (wasHand === "false" && p.handRaisedAt !== null) changes.push(t("announceHand", { name: p.name }));
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- announces the difference from the previous snapshot
    if (changes.length) setMessage(changes.join(". "));
  }, [people, t]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="roster-announcer">
      {message}
    </div>
  );
}
