import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

// One way to run a control-API action from anywhere in the console: it shows
// a short confirmation or the emulator's error message, and refreshes state
// when the live stream is down.

export type Notice = { id: number; tone: "ok" | "error"; text: string };

type Actions = {
  run: (fn: () => Promise<unknown>, success?: string) => Promise<boolean>;
  notice: Notice | null;
  dismiss: () => void;
};

const ActionsContext = createContext<Actions | null>(null);

export function ActionsProvider({ refresh, children }: { refresh: () => void; children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((tone: Notice["tone"], text: string) => {
    counter.current += 1;
    setNotice({ id: counter.current, tone, text });
    if (timer.current) clearTimeout(timer.current);
    // Errors stay until dismissed or replaced; confirmations fade.
    if (tone === "ok") timer.current = setTimeout(() => setNotice(null), 3500);
  }, []);

  const run = useCallback(
    async (fn: () => Promise<unknown>, success?: string) => {
      try {
        await fn();
        if (success) show("ok", success);
        return true;
      } catch (error) {
        show("error", error instanceof Error ? error.message : "The action failed.");
        return false;
      } finally {
        refresh();
      }
    },
    [refresh, show],
  );

  const value = useMemo(() => ({ run, notice, dismiss: () => setNotice(null) }), [run, notice]);
  return <ActionsContext.Provider value={value}>{children}</ActionsContext.Provider>;
}

export function useActions(): Actions {
  const value = useContext(ActionsContext);
  if (!value) throw new Error("useActions outside ActionsProvider");
  return value;
}

/** Tracks an in-flight action so its button can show it and refuse a double click. */
export function useBusy(): [boolean, (fn: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const wrap = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  }, []);
  return [busy, wrap];
}
