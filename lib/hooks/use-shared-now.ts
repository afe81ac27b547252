"use client";

import { useSyncExternalStore } from "react";

// One clock for every live meter on a page (the roster's header and rows, the cost panel): one
// interval, one value per tick, so figures metered from the same calls agree to the cent at every
// moment. It runs on the server's time: the first roster snapshot tells the offset.

let skewMs = 0;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Aligns the clock with the server's (`serverNow` from a snapshot the server just made). */
export function syncServerClock(serverNow: number): void {
  skewMs = serverNow - Date.now();
  now = Date.now() + skewMs;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer)
    timer = setInterval(() => {
      now = Date.now() + skewMs;
      for (const l of listeners) l();
    }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const noop = () => () => {};

/** The server's time, ticking once a second while `active` (frozen otherwise). */
export function useSharedNow(active: boolean, serverFallback: number): number {
  return useSyncExternalStore(
    active ? subscribe : noop,
    () => now,
    () => serverFallback,
  );
}
