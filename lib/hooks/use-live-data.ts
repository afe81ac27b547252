"use client";

import { useCallback, useEffect, useSyncExternalStore } from "react";

// The meeting page's live data layer: one cache entry per API URL, shared by every component that
// reads it (the roster and the cost panel read the same roster entry), in about a quarter of SWR's
// first-load bytes (ADR 0009, last addendum). It keeps the promises the page relies on from SWR:
// - ordering: a response is applied only if it belongs to the entry's latest fetch and no local
//   mutation (a pushed snapshot) happened after that fetch started, so an older answer never
//   replaces newer data;
// - deduplication: a poll or focus revalidation joins a fetch already in flight; an explicit
//   `mutate()` (after an action) starts a fresh one, and the older one's answer is dropped;
// - polling every `refreshInterval` ms while the tab is visible, counted from the last answer;
// - revalidation on mount and when the window regains focus (at most every 5 s);
// - `fallbackData` shows until the first answer and is not written to the shared entry.
// tests/integration/ui/live-roster-ordering.test.ts proves the ordering and polling in a browser.

type Entry = {
  data: unknown;
  /** The latest fetch's ticket; an answer with another ticket is stale. */
  fetch: number;
  inFlight: Promise<void> | null;
  /** Ticket taken by the latest local mutation: fetches started before it are stale. */
  mutatedAt: number;
  fetcher: (() => Promise<unknown>) | null;
  listeners: Set<() => void>;
  /** A snapshot for useSyncExternalStore: replaced on every change. */
  view: { data: unknown; isValidating: boolean };
};

const entries = new Map<string, Entry>();
let ticket = 0;
const FOCUS_THROTTLE_MS = 5_000;

const EMPTY_VIEW = { data: undefined, isValidating: false };

/** A key's entry; on the server (no effects, no fetches) a throw-away one, so nothing is kept. */
function entryOf(key: string): Entry {
  let entry = entries.get(key);
  if (!entry) {
    entry = {
      data: undefined,
      fetch: 0,
      inFlight: null,
      mutatedAt: 0,
      fetcher: null,
      listeners: new Set(),
      view: EMPTY_VIEW,
    };
    if (typeof window !== "undefined") entries.set(key, entry);
  }
  return entry;
}

function changed(entry: Entry) {
  entry.view = { data: entry.data, isValidating: entry.inFlight !== null };
  for (const listener of entry.listeners) listener();
}

/**
 * Fetches the entry again with its fetcher. `dedupe` joins a fetch already in flight (polls, focus,
 * mount); without it a new fetch supersedes the one in flight (after an action, the answer must
 * reflect it). Errors leave the data as it was: the next poll or push brings the page up to date.
 */
function revalidate(key: string, dedupe: boolean): Promise<void> {
  const entry = entryOf(key);
  if (!entry.fetcher) return Promise.resolve();
  if (dedupe && entry.inFlight) return entry.inFlight;
  const mine = ++ticket;
  entry.fetch = mine;
  const done = entry
    .fetcher()
    .then(
      (data) => {
        if (entry.fetch === mine && entry.mutatedAt < mine) entry.data = data;
      },
      () => undefined,
    )
    .finally(() => {
      if (entry.fetch === mine) entry.inFlight = null;
      changed(entry);
    });
  entry.inFlight = done;
  changed(entry);
  return done;
}

function setFetcher(key: string, fetcher: () => Promise<unknown>) {
  entryOf(key).fetcher = fetcher;
}

/**
 * Sets an entry's data (a pushed snapshot) without fetching: any fetch already in flight is stale.
 * Without data, fetches the entry again (after an action changed it on the server).
 */
export function mutateLiveData<T>(key: string, ...data: [T] | []): Promise<void> {
  if (data.length === 0) return revalidate(key, false);
  const entry = entryOf(key);
  entry.mutatedAt = ++ticket;
  entry.data = data[0];
  changed(entry);
  return Promise.resolve();
}

export type LiveDataOptions<T> = {
  fallbackData?: T;
  /** Poll interval in ms (0: no polling); a function gets the latest data. */
  refreshInterval?: number | ((latest: T | undefined) => number);
  revalidateOnMount?: boolean;
  revalidateOnFocus?: boolean;
};

/**
 * `useLiveData(url, fetcher, options)`: the entry's data (or `fallbackData` until there is some),
 * whether a fetch is in flight, and `mutate` bound to the key. A `null` fetcher only reads the
 * entry: some other component fetches it.
 */
export function useLiveData<T>(
  key: string,
  fetcher: (() => Promise<T>) | null,
  { fallbackData, refreshInterval = 0, revalidateOnMount = true, revalidateOnFocus = true }: LiveDataOptions<T> = {},
) {
  const entry = entryOf(key);
  const view = useSyncExternalStore(
    useCallback(
      (listener: () => void) => {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
      [entry],
    ),
    () => entry.view,
    // Hydration renders what the server did: the fallback.
    () => EMPTY_VIEW,
  );
  const data = (view.data as T | undefined) ?? fallbackData;

  // The entry fetches with the latest fetcher a component rendered (timers and focus read it there).
  useEffect(() => {
    if (fetcher) setFetcher(key, fetcher);
  });

  const fetches = fetcher !== null;
  useEffect(() => {
    if (fetches && revalidateOnMount) void revalidate(key, true);
    // `revalidateOnMount` counts at mount only, like SWR's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetches]);

  useEffect(() => {
    if (!fetches || !revalidateOnFocus) return;
    let lastFocus = 0;
    const onFocus = () => {
      if (document.visibilityState !== "visible") return;
      const now = Date.now();
      if (now - lastFocus < FOCUS_THROTTLE_MS) return;
      lastFocus = now;
      void revalidate(key, true);
    };
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    };
  }, [key, fetches, revalidateOnFocus]);

  // Polling: the next poll is timed from the last answer; a hidden tab skips its turn.
  const interval = !fetches ? 0 : typeof refreshInterval === "function" ? refreshInterval(data) : refreshInterval;
  useEffect(() => {
    if (!interval) return;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const next = () => {
      timer = setTimeout(() => {
        if (document.visibilityState === "hidden") return next();
        void revalidate(key, true).then(() => {
          if (!stopped) next();
        });
      }, interval);
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, interval]);

  const mutate = useCallback((...next: [T] | []) => mutateLiveData(key, ...next), [key]);
  return { data, isValidating: view.isValidating, mutate };
}
