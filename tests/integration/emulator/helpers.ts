import { afterAll, beforeAll, expect } from "vitest";
import { apiErrorSchema } from "@/lib/sautikit/contract/errors";
import { verifySignature } from "@/lib/sautikit/contract/signature";
import { emulatorClient } from "@/tests/support/emulator-control";
import { type RunningEmulator, startEmulator } from "@/tests/support/emulator-process";
import { makeUntil } from "@/tests/support/until";
import { type ReceivedRequest, startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";

// The emulator tier's helpers: a bench per file (its own emulator process and a webhook receiver),
// the v1 API as a plain HTTP client, and waits that poll real state with a deadline. The control
// API is driven through the shared client (tests/support/emulator-control.ts).

/** Waits on a probe (10 s unless told): the emulator tier runs on fast clocks. */
export const until = makeUntil({ timeoutMs: 10_000, intervalMs: 20 });

/** The API files' emulator: 1/100 of real time, and no rate limit (they fire many requests at once). */
export const FAST_API = { EMULATOR_TIME_SCALE: "0.01", EMULATOR_RATE_LIMIT: "0" };

export const SEEDED = {
  workspaceId: "01900000-0000-7000-8000-000000000001",
  apiKey: "sk_test_emulator",
  secret: "whsec_emulator_local",
  dialIn: "+254709000100",
  callerId: "+254709000200",
};

export type Api = ReturnType<typeof apiClient>;

/** The v1 API at `base` (or at what `base()` answers when called), with the seeded key unless told. */
export function apiClient(base: string | (() => string), key: string = SEEDED.apiKey) {
  const baseUrl = typeof base === "string" ? () => base : base;
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl()}${path}`, {
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
    /** POST /v1/calls: a call from the seeded caller ID to `to` (`extra` body fields, `headers` e.g. an idempotency key). */
    dial: (to: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
      request("POST", "/v1/calls", { from: SEEDED.callerId, to, ...extra }, headers),
  };
}

/** Polls GET /v1/calls/:id until the call is `what` (`predicate`), with the last answer on timeout. */
export async function waitForCall(
  api: Api,
  id: string,
  predicate: (call: any) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<any> {
  let last: unknown;
  try {
    return await until(
      `call ${id} to be ${what}`,
      async () => {
        const res = await api.get(`/v1/calls/${id}`);
        last = res.json;
        return res.status === 200 && predicate(res.json.call) && res.json.call;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last: ${JSON.stringify(last)}`, { cause: error });
  }
}

/** An API answer is the error envelope: this status and code, and the Request-Id header's id. */
export function expectError(res: { status: number; json: any; headers: Headers }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(apiErrorSchema.parse(res.json).error.code).toBe(code);
  expect(res.json.error.request_id).toBe(res.headers.get("request-id"));
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

/**
 * The file's own emulator process (the documented defaults plus `env`) and a webhook receiver, both
 * started in beforeAll and stopped in afterAll. `api` is the v1 API with the seeded key and `em` the
 * shared control client, both bound to this emulator; with `routeSeeded` the seeded numbers send
 * their callbacks and events to the receiver, and with `holdIn` the receiver answers every voice
 * callback by putting the call in that conference room (a call that stays up until hung up).
 */
export function emulatorBench(opts: { env?: Record<string, string>; routeSeeded?: boolean; holdIn?: string } = {}) {
  let emu: RunningEmulator | undefined;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    [emu, receiver] = await Promise.all([startEmulator({ env: opts.env }), startWebhookReceiver()]);
    if (opts.routeSeeded) await routeSeeded(apiClient(emu.url), receiver.url);
    const room = opts.holdIn;
    if (room) receiver.on("/voice", () => ({ body: { actions: [{ conference: { name: room } }] } }));
  });
  afterAll(async () => {
    await emu?.stop();
    await receiver?.close();
  });
  const running = () => {
    if (!emu || !receiver) throw new Error("emulatorBench(): started once the file's beforeAll has run");
    return { emu, receiver };
  };
  const url = () => running().emu.url;
  return {
    get url(): string {
      return url();
    },
    get rx(): WebhookReceiver {
      return running().receiver;
    },
    api: apiClient(url),
    em: emulatorClient(url, { timeoutMs: 10_000 }),
  };
}
