"use client";

import { useEffect, useRef, useState } from "react";
import { stateText, type PersonRow } from "@/lib/shared/roster-types";

/** Tells screen-reader users what changed in the roster ("Amina: in call"), politely. */
export function RosterAnnouncer({ people }: { people: PersonRow[] }) {
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    const now = new Map(people.map((p) => [p.key, `${p.state}|${p.endReason ?? ""}|${p.muted}`]));
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const changes: string[] = [];
    for (const p of people) {
      const was = before.get(p.key);
      if (was === undefined || was === now.get(p.key)) continue;
      const [wasState, wasReason, wasMuted] = was.split("|");
      if (wasState !== p.state || wasReason !== (p.endReason ?? "")) {
        changes.push(`${p.name}: ${stateText(p.state, p.endReason).toLowerCase()}`);
      } else if (wasMuted !== String(p.muted)) {
        changes.push(`${p.name}: ${p.muted ? "muted" : "unmuted"}`);
      }
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- announces the difference from the previous snapshot
    if (changes.length) setMessage(changes.join(". "));
  }, [people]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="roster-announcer">
      {message}
    </div>
  );
}
