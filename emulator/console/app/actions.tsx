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

type Run = Actions["run"];

// Two contexts: `run` never changes, so components that only act (every phone
// card) do not re-render when a notice comes or goes.
const RunContext = createContext<Run | null>(null);
const NoticeContext = createContext<Pick<Actions, "notice" | "dismiss"> | null>(null);

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

  const noticeValue = useMemo(() => ({ notice, dismiss: () => setNotice(null) }), [notice]);
  return (
    <RunContext.Provider value={run}>
      <NoticeContext.Provider value={noticeValue}>{children}</NoticeContext.Provider>
    </RunContext.Provider>
  );
}

export function useActions(): { run: Run } {
  const run = useContext(RunContext);
  if (!run) throw new Error("useActions outside ActionsProvider");
  return { run };
}

export function useNotice(): Pick<Actions, "notice" | "dismiss"> {
  const value = useContext(NoticeContext);
  if (!value) throw new Error("useNotice outside ActionsProvider");
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
