import { useCallback, useEffect, useRef, useState } from "react";
import { controlApi } from "./api";
import { readSnapshot, type Snapshot } from "./types";

export type Connection = "connecting" | "live" | "polling" | "offline";

const POLL_MS = 1500;
const RETRY_STREAM_MS = [1000, 2000, 5000, 10000];

/**
 * Follows the emulator's state: the SSE stream when it is up (it pushes the
 * full snapshot on every change), polling `/_emulator/state` while it is down,
 * and retrying the stream with backoff so a restarted emulator is picked up.
 */
export function useEmulatorState(): { snapshot: Snapshot | null; connection: Connection; refresh: () => void } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  const liveRef = useRef(false);

  const poll = useCallback(async () => {
    try {
      const raw = await controlApi.state();
      // While the stream is live it is the source of truth; a slower poll
      // answer could otherwise overwrite a newer pushed snapshot.
      if (liveRef.current) return;
      setSnapshot(readSnapshot(raw));
      setConnection("polling");
    } catch {
      if (!liveRef.current) setConnection("offline");
    }
  }, []);

  useEffect(() => {
    let disposed = false;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const pollTimer = setInterval(() => {
      if (!liveRef.current) void poll();
    }, POLL_MS);

    const open = () => {
      if (disposed || typeof EventSource === "undefined") return;
      source = new EventSource("/_emulator/stream");
      source.addEventListener("open", () => {
        failures = 0;
      });
      source.addEventListener("state", (event) => {
        try {
          setSnapshot(readSnapshot(JSON.parse((event as MessageEvent<string>).data)));
          liveRef.current = true;
          setConnection("live");
        } catch {
          // A malformed frame is skipped; the next one carries the full state again.
        }
      });
      source.addEventListener("error", () => {
        liveRef.current = false;
        void poll();
        // CONNECTING means the browser is already retrying on its own.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          const wait = RETRY_STREAM_MS[Math.min(failures, RETRY_STREAM_MS.length - 1)];
          failures += 1;
          retryTimer = setTimeout(open, wait);
        }
      });
    };

    // eslint-disable-next-line react-hooks/set-state-in-effect -- subscribing to an external source (first poll, then SSE)
    void poll();
    open();
    return () => {
      disposed = true;
      clearInterval(pollTimer);
      if (retryTimer) clearTimeout(retryTimer);
      source?.close();
    };
  }, [poll]);

  const refresh = useCallback(() => {
    if (!liveRef.current) void poll();
  }, [poll]);

  return { snapshot, connection, refresh };
}
