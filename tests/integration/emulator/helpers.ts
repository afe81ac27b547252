import { verifySignature } from "@/lib/sautikit/contract/signature";
import type { ReceivedRequest } from "@/tests/support/webhook-receiver";

// Small HTTP helpers for driving a spawned emulator. Waits poll real state with a deadline.

export const SEEDED = {
  workspaceId: "01900000-0000-7000-8000-000000000001",
  apiKey: "sk_test_emulator",
  secret: "whsec_emulator_local",
  dialIn: "+254709000100",
  callerId: "+254709000200",
};

export type Api = ReturnType<typeof apiClient>;

export function apiClient(base: string, key: string = SEEDED.apiKey) {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => request("GET", path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => request("POST", path, body, headers),
    put: (path: string, body?: unknown) => request("PUT", path, body),
    patch: (path: string, body?: unknown) => request("PATCH", path, body),
    del: (path: string, body?: unknown) => request("DELETE", path, body),
  };
}

export async function control(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Polls GET /_emulator/state until `pick` returns a truthy value. */
export async function waitForState<T>(
  base: string,
  pick: (state: any) => T | undefined | null | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  for (;;) {
    last = await control(base, "GET", "/state");
    const value = pick(last);
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last state: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function waitForCall(
  api: Api,
  id: string,
  predicate: (call: any) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`/v1/calls/${id}`);
    if (res.status === 200 && predicate(res.json.call)) return res.json.call;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for call ${id} to be ${what}; last: ${JSON.stringify(res.json)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function expectSigned(req: ReceivedRequest, secret: string): Promise<void> {
  const verdict = await verifySignature(secret, req.rawBody, req.headers["x-sautikit-signature"] as string);
  if (verdict !== "valid")
    throw new Error(`signature ${verdict} on ${req.url}: ${req.headers["x-sautikit-signature"]}`);
}

/** Points both seeded numbers at the receiver. */
export async function routeSeeded(api: Api, receiverUrl: string, extra: Record<string, unknown> = {}): Promise<void> {
  const numbers = (await api.get("/v1/numbers")).json.numbers as { id: string }[];
  for (const n of numbers) {
    const res = await api.patch(`/v1/numbers/${n.id}/routing`, {
      voice_callback_url: `${receiverUrl}/voice`,
      events_url: `${receiverUrl}/events`,
      ...extra,
    });
    if (res.status !== 200) throw new Error(`routing failed: ${res.text}`);
  }
}
