import type { Behaviour } from "../../state/types";

// Thin client for the emulator's `/_emulator/*` control API. Every console
// action goes through here, so the console can do nothing a test could not.

export class ControlApiError extends Error {}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      // Always JSON on writes, even without a body: a cross-site page cannot send
      // that without a CORS preflight, so the server can refuse such requests.
      headers: method === "GET" ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new ControlApiError("The emulator is not reachable.");
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw new ControlApiError(errorMessage(parsed) ?? `The emulator answered ${response.status}.`);
  return parsed as T;
}

function errorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  const message = (body as { message?: unknown }).message;
  return typeof message === "string" ? message : undefined;
}

const phonePath = (e164: string, action: string) => `/_emulator/phones/${encodeURIComponent(e164)}/${action}`;

export const controlApi = {
  state: () => call<unknown>("GET", "/_emulator/state"),
  answer: (e164: string) => call<unknown>("POST", phonePath(e164, "answer")),
  decline: (e164: string) => call<unknown>("POST", phonePath(e164, "decline")),
  hangup: (e164: string) => call<unknown>("POST", phonePath(e164, "hangup")),
  drop: (e164: string) => call<unknown>("POST", phonePath(e164, "drop")),
  digits: (e164: string, digits: string) => call<unknown>("POST", phonePath(e164, "digits"), { digits }),
  dial: (from: string, to: string) => call<{ call_id?: string }>("POST", phonePath(from, "dial"), { to }),
  setBehaviour: (e164: string, change: { behaviour?: Behaviour; prompt_key?: string | null }) =>
    call<unknown>("PUT", phonePath(e164, "behaviour"), change),
  wallet: (workspaceId: string, change: { set_minor?: number; topup_minor?: number }) =>
    call<unknown>("POST", "/_emulator/wallet", { workspace_id: workspaceId, ...change }),
  createWorkspace: (name: string) => call<unknown>("POST", "/_emulator/workspaces", name ? { name } : {}),
  setFaults: (faults: Record<string, unknown>) => call<unknown>("POST", "/_emulator/faults", faults),
  clearFaults: () => call<unknown>("DELETE", "/_emulator/faults"),
  reset: () => call<unknown>("POST", "/_emulator/reset"),
};
