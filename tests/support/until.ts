// Polls a probe until it returns something truthy, or fails with what was awaited. Tests wait on
// state this way, never with fixed sleeps.

export type Probe<T> = () => T | undefined | null | false | Promise<T | undefined | null | false>;

type Options = {
  timeoutMs?: number;
  intervalMs?: number;
  /** Treat a throwing probe as "not yet" and name its last error on timeout. */
  tolerateErrors?: boolean;
};

export function makeUntil(defaults: Options = {}) {
  const { timeoutMs: defaultTimeout = 45_000, intervalMs = 100, tolerateErrors = false } = defaults;
  return async function until<T>(what: string, probe: Probe<T>, timeoutMs = defaultTimeout): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      const v = tolerateErrors
        ? await Promise.resolve()
            .then(probe)
            .catch((e: unknown) => ((last = e), undefined))
        : await probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
}

export const until = makeUntil();
