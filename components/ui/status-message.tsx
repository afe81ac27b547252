"use client";

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

type Status = { text: string; tone: "info" | "error"; id: number };
type Announce = (text: string, tone?: "info" | "error") => void;

const StatusContext = createContext<Announce | null>(null);

/**
 * One app-wide live region with a visible toast. Components call `useStatusMessage()("Saved")`
 * to tell sighted and screen-reader users about the outcome of an action.
 */
export function StatusMessageProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback<Announce>((text, tone = "info") => {
    clearTimeout(timer.current);
    setStatus({ text, tone, id: Date.now() });
    timer.current = setTimeout(() => setStatus(null), 5000);
  }, []);
  return (
    <StatusContext.Provider value={announce}>
      {children}
      <div
        aria-live="polite"
        role="status"
        data-testid="status-message"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
      >
        {status ? (
          <p
            key={status.id}
            className={
              "pointer-events-auto rounded-md px-4 py-2 text-sm shadow-lg " +
              (status.tone === "error" ? "bg-red-700 text-white" : "bg-slate-900 text-white")
            }
          >
            {status.text}
          </p>
        ) : null}
      </div>
    </StatusContext.Provider>
  );
}

export function useStatusMessage(): Announce {
  const announce = useContext(StatusContext);
  // Outside the provider (e.g. in an isolated test) fall back to a no-op rather than crashing.
  return announce ?? (() => {});
}
