import { useCallback, useEffect, useRef, useState } from "react";
import { magicNumberBehaviour } from "../../engine/magic-behaviour";
import type { Phone } from "./types";

const STORAGE_KEY = "sautikit-console:added-phones";

function readStored(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** Phones added by hand, remembered in this browser. */
export function useAddedPhones(): [string[], (e164: string) => void, (e164: string) => void] {
  const [added, setAdded] = useState<string[]>(readStored);
  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(added));
    } catch {
      // Private mode or full storage: the list just won't survive a reload.
    }
  }, [added]);
  const add = useCallback((e164: string) => setAdded((list) => (list.includes(e164) ? list : [...list, e164])), []);
  const remove = useCallback((e164: string) => setAdded((list) => list.filter((v) => v !== e164)), []);
  return [added, add, remove];
}

/**
 * Server phones plus hand-added ones, in the order each was first seen, so
 * cards never jump around while a demo is running.
 */
/* eslint-disable react-hooks/refs -- the first-seen order only grows, so reading it while rendering is stable */
export function useOrderedPhones(serverPhones: Phone[], added: string[]): Phone[] {
  const order = useRef<Map<string, number>>(new Map());
  const byNumber = new Map(serverPhones.map((p) => [p.e164, p]));
  for (const e164 of [...added, ...serverPhones.map((p) => p.e164)]) {
    if (!order.current.has(e164)) order.current.set(e164, order.current.size);
  }
  const all = new Set([...added, ...byNumber.keys()]);
  return [...all]
    .map(
      (e164): Phone =>
        byNumber.get(e164) ?? {
          e164,
          state: "idle",
          muted: false,
          call_id: null,
          room: null,
          behaviour: magicNumberBehaviour(e164),
          prompt_key: "1",
          transcript: [],
        },
    )
    .sort((a, b) => (order.current.get(a.e164) ?? 0) - (order.current.get(b.e164) ?? 0));
}
/* eslint-enable react-hooks/refs */

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
