"use client";

import { useEffect, useState } from "react";
import useSWR from "swr";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { PersonRow } from "@/lib/shared/roster-types";

export type RosterSnapshot = {
  meeting: { id: string; status: string; locked: boolean; startedAt: number | null; endedAt: number | null; capacity: number };
  people: PersonRow[];
  serverNow: number;
  version: string;
};

/**
 * The live roster: SWR holds the data; Server-Sent Events push each change into SWR's cache.
 * While the stream is down, SWR polls every 2 s instead (and EventSource keeps reconnecting).
 */
export function useMeetingRoster(meetingId: string, initial?: RosterSnapshot) {
  const key = `/api/meetings/${meetingId}/roster`;
  const [streaming, setStreaming] = useState(false);
  const swr = useSWR<RosterSnapshot>(key, (url: string) => apiFetch<RosterSnapshot>(url), {
    fallbackData: initial,
    refreshInterval: streaming ? 0 : 2000,
    revalidateOnFocus: true,
  });
  const { mutate } = swr;

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/meetings/${meetingId}/stream`);
    source.addEventListener("open", () => setStreaming(true));
    source.addEventListener("error", () => setStreaming(false));
    source.addEventListener("roster", (e) => {
      const snapshot = JSON.parse((e as MessageEvent<string>).data) as RosterSnapshot;
      setStreaming(true);
      void mutate(snapshot, { revalidate: false });
    });
    return () => source.close();
  }, [meetingId, mutate]);

  return { ...swr, streaming };
}
