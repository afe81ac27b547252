import { useEffect, useRef, useState } from "react";
import { formatPhone, PHONE_STATE_LABEL } from "./format";
import type { Phone } from "./types";

/**
 * Turns phone state changes into short sentences for the `aria-live` region,
 * so a screen-reader user hears "+254 700 000501: Ringing" without hunting.
 */
export function useAnnouncer(phones: Phone[] | undefined): string {
  const previous = useRef<Map<string, { state: string; muted: boolean }> | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!phones) return;
    const before = previous.current;
    const next = new Map(phones.map((p) => [p.e164, { state: p.state, muted: p.muted }]));
    previous.current = next;
    // The first snapshot is the page loading, not news.
    if (!before) return;
    const changes: string[] = [];
    for (const phone of phones) {
      const old = before.get(phone.e164);
      const name = formatPhone(phone.e164);
      if (!old || old.state !== phone.state) changes.push(`${name}: ${PHONE_STATE_LABEL[phone.state] ?? phone.state}`);
      else if (old.muted !== phone.muted) changes.push(`${name}: ${phone.muted ? "muted" : "unmuted"}`);
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- announces the difference from the previous snapshot
    if (changes.length > 0) setMessage(changes.slice(0, 5).join(". ") + ".");
  }, [phones]);

  return message;
}
