"use client";

import { useEffect, useState } from "react";
import { useLiveData } from "@/lib/hooks/use-live-data";
import { api } from "@/lib/hooks/api-client";
import { apiUrls } from "@/lib/shared/api-urls";
import type { RosterSnapshot } from "@/lib/shared/roster-types";

export type { RosterSnapshot } from "@/lib/shared/roster-types";

/**
 * The live roster: the page's live-data entry (lib/hooks/use-live-data.ts) holds it, starting from
 * the server-rendered snapshot; Server-Sent Events push each change into that entry. While the
 * stream is down, the entry is polled every 2 s instead (and EventSource keeps reconnecting).
 */
export function useMeetingRoster(meetingId: string, initial: RosterSnapshot) {
  const [streaming, setStreaming] = useState(false);
  const { data, mutate } = useLiveData(apiUrls.roster(meetingId), () => api.meetings.roster(meetingId), {
    fallbackData: initial,
    refreshInterval: streaming ? 0 : 2000,
    revalidateOnFocus: true,
  });

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    let stopped = false;
    const connect = () => {
      const next = new EventSource(apiUrls.rosterStream(meetingId));
      source = next;
      next.addEventListener("open", () => setStreaming(true));
      next.addEventListener("error", () => setStreaming(false));
      next.addEventListener("roster", (e) => {
        const snapshot = JSON.parse((e as MessageEvent<string>).data) as RosterSnapshot;
        setStreaming(true);
        // A push is a local mutation: a fetch that started before it is discarded when it returns,
        // so a slow poll never replaces a newer snapshot with an older one.
        void mutate(snapshot);
      });
      // The server ends each stream after a while: open the next one straight away, still showing
      // "live" (the new stream starts with the current roster), instead of waiting out EventSource's
      // retry delay with polling.
      next.addEventListener("reconnect", () => {
        next.close();
        if (!stopped) connect();
      });
      // Signed out, or no longer a member: stop streaming; polling then surfaces the 401/404.
      next.addEventListener("denied", () => {
        next.close();
        setStreaming(false);
      });
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
    };
  }, [meetingId, mutate]);

  // fallbackData makes data always defined at runtime; the types cannot see that.
  return { data: data ?? initial, mutate, streaming };
}
