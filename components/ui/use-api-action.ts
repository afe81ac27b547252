"use client";

import { useCallback, useState } from "react";
import { useStatusMessage } from "@/components/ui/status-message";
import { ApiError } from "@/lib/hooks/api-client";

type Announce = ReturnType<typeof useStatusMessage>;

export type ApiActionOptions<R> = {
  /** Said in the live region when the call succeeds (nothing when it returns undefined). */
  done?: (result: R) => string | undefined;
  /** Runs after a success while the action still shows busy: refresh the roster, the page. */
  then?: (result: R) => unknown;
  /** Said when the error carries no message of the server's (a bug, not a refusal). */
  failed: string;
  /** Shows the error elsewhere (beside a field, in a notice) instead of announcing it. */
  onError?: (message: string, error: unknown) => void;
  /** Stays busy after a success: the page is navigating away, so the button must not come back. */
  stayBusy?: boolean;
};

/**
 * The busy / try / announce block of every action button, outside React so it is unit-tested:
 * marks `key` busy, runs the call, announces the outcome, and clears busy however it ended.
 * Resolves to the result, or undefined when the call failed (the failure is already reported).
 */
export async function runApiAction<R>(
  key: string,
  call: () => Promise<R>,
  options: ApiActionOptions<R>,
  effects: { setBusy: (key: string | null) => void; announce: Announce },
): Promise<R | undefined> {
  effects.setBusy(key);
  let settled = true;
  try {
    const result = await call();
    const message = options.done?.(result);
    if (message !== undefined) effects.announce(message);
    await options.then?.(result);
    if (options.stayBusy) settled = false;
    return result;
  } catch (error) {
    const message = error instanceof ApiError ? error.message : options.failed;
    if (options.onError) options.onError(message, error);
    else effects.announce(message, "error");
    return undefined;
  } finally {
    if (settled) effects.setBusy(null);
  }
}

/**
 * `const { busy, run } = useApiAction()` then
 * `run("mute", () => api.meetings.legCommand(id, leg, "mute"), { done: () => t("muting"), failed: t("failed") })`.
 * `busy` is the key of the action in flight (one at a time per hook), for the button's `pending`.
 * `announce` is the same live region, for a component that also speaks outside an action.
 */
export function useApiAction() {
  const announce = useStatusMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    <R>(key: string, call: () => Promise<R>, options: ApiActionOptions<R>) =>
      runApiAction(key, call, options, { setBusy, announce }),
    [announce],
  );
  return { busy, run, announce };
}
