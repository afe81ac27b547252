"use client";

import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { LiveResource } from "@/lib/hooks/live-resource";

export type LiveJsonOptions<T> = {
  /** Poll every N ms (0 = never); a function is re-read whenever the data changes. */
  refreshInterval?: number | ((latest: T) => number);
  /** Refetch when the tab becomes visible or focused again (at most every 5 s). */
  revalidateOnFocus?: boolean;
  /** Refetch once after hydration (the server-rendered value may be a few seconds old). */
  revalidateOnMount?: boolean;
};

const FOCUS_THROTTLE_MS = 5_000;

/**
 * Server JSON for one component, starting from the server-rendered value. Used instead of SWR on
 * the meeting page, whose only needs are these (docs/decisions/0009-meeting-page-js-budget.md).
 * `mutate(value)` shows a pushed value; `mutate()` refetches.
 */
export function useLiveJson<T>(url: string, initial: T, options: LiveJsonOptions<T> = {}) {
  const { refreshInterval = 0, revalidateOnFocus = true, revalidateOnMount = true } = options;
  // A new URL is a new resource; `initial` only seeds the first one.
  const resource = useMemo(() => new LiveResource<T>(() => apiFetch<T>(url), initial), [url]);
  const data = useSyncExternalStore(resource.subscribe, resource.get, resource.get);
  const interval = typeof refreshInterval === "function" ? refreshInterval(data) : refreshInterval;

  useEffect(() => {
    if (revalidateOnMount) void resource.revalidate();
  }, [resource, revalidateOnMount]);

  useEffect(() => {
    if (!interval) return;
    const timer = setInterval(() => {
      // Like SWR: no polling from a hidden tab; focus brings it up to date.
      if (document.visibilityState !== "hidden") void resource.refresh();
    }, interval);
    return () => clearInterval(timer);
  }, [resource, interval]);

  useEffect(() => {
    if (!revalidateOnFocus) return;
    const onFocus = () => {
      if (document.visibilityState !== "hidden") void resource.refresh(FOCUS_THROTTLE_MS);
    };
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    };
  }, [resource, revalidateOnFocus]);

  const mutate = useCallback(
    (value?: T): Promise<void> => {
      if (value === undefined) return resource.revalidate();
      resource.set(value);
      return Promise.resolve();
    },
    [resource],
  );

  return { data, mutate };
}
