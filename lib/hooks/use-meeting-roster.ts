"use client";

import { useEffect, useState } from "react";
import { useLiveJson } from "@/lib/hooks/use-live-json";
import type { RosterSnapshot } from "@/lib/shared/roster-types";

export type { RosterSnapshot } from "@/lib/shared/roster-types";

/**
 * The live roster: Server-Sent Events push each change; while the stream is down, it is polled
 * every 2 s instead (and EventSource keeps reconnecting).
 */
export function useMeetingRoster(meetingId: string, initial: RosterSnapshot) {
  const [streaming, setStreaming] = useState(false);
  const { data, mutate } = useLiveJson<RosterSnapshot>(`/api/meetings/${meetingId}/roster`, initial, {
    refreshInterval: streaming ? 0 : 2000,
    revalidateOnFocus: true,
  });

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/meetings/${meetingId}/stream`);
    source.addEventListener("open", () => setStreaming(true));
    source.addEventListener("error", () => setStreaming(false));
    source.addEventListener("roster", (e) => {
      const snapshot = JSON.parse((e as MessageEvent<string>).data) as RosterSnapshot;
      setStreaming(true);
      void mutate(snapshot);
    });
    return () => source.close();
  }, [meetingId, mutate]);

  return { data, mutate, streaming };
}
