import { randomBytes, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();
export const newSessionId = (): string => `HD_${randomBytes(6).toString("hex")}`;
export const newRequestId = (): string => `req_${randomBytes(10).toString("hex")}`;
export const newSecret = (prefix: string): string => `${prefix}${randomBytes(24).toString("base64url")}`;
export const iso = (ms: number = Date.now()): string => new Date(ms).toISOString();

/** setTimeout that is cancelled when the signal aborts; resolves false if aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve(true);
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
