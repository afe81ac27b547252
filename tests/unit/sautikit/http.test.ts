import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createSautikitClient } from "@/lib/sautikit/client";
import { backoff, parseRetryAfter, sautikitRequest, type SautikitHttpConfig } from "@/lib/sautikit/http";
import { sautikitCodeOf } from "@/lib/sautikit/map-error";

type Seen = { url: string; method: string; headers: Record<string, string>; body?: string };

/** A scripted fetch: each step answers one request (a Response, an Error to throw, or "hang"). */
function scripted(steps: Array<Response | Error | "hang">) {
  const seen: Seen[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({
      url,
      method: init.method!,
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
    });
    const step = steps.shift();
    if (!step) throw new Error("unexpected extra request");
    if (step === "hang")
      return new Promise<Response>((_, rej) => init.signal!.addEventListener("abort", () => rej(init.signal!.reason)));
    if (step instanceof Error) throw step;
    return step;
  }) as unknown as typeof fetch;
  const sleeps: number[] = [];
  const config: SautikitHttpConfig = {
    baseUrl: "http://sautikit.test/",
    apiKey: "sk_test",
    fetch: fetchImpl,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  };
  return { config, seen, sleeps };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Request-Id": "req_1", ...headers },
  });
const err = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: code, request_id: "req_body" } }, headers);
const created = () => json(201, { call_id: "c1", session_id: "HD_000000000001", status: "ringing" });

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("sautikitRequest retries", () => {
  it("retries a 503 with the same Idempotency-Key and succeeds", async () => {
    const { config, seen } = scripted([err(503, "service_unavailable"), created()]);
    const res = await sautikitRequest(config, {
      method: "POST",
      path: "/v1/calls",
      body: { a: 1 },
      idempotencyKey: "m:p:1",
    });
    expect(res.status).toBe(201);
    expect(res.attempts).toBe(2);
    expect(seen.map((s) => s.headers["Idempotency-Key"])).toEqual(["m:p:1", "m:p:1"]);
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}']);
    expect(seen[0]!.headers.Authorization).toBe("Bearer sk_test");
    expect(seen[0]!.url).toBe("http://sautikit.test/v1/calls");
  });

  it("waits out Retry-After on 429 before retrying", async () => {
    const { config, seen, sleeps } = scripted([err(429, "rate_limited", { "Retry-After": "2" }), created()]);
    await sautikitRequest(config, { method: "POST", path: "/v1/calls", body: {}, idempotencyKey: "k" });
    expect(seen).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
  });

  it("retries a 429 even without a key (nothing was processed) but never a 503 without one", async () => {
    const a = scripted([err(429, "rate_limited", { "Retry-After": "0" }), json(200, { ok: 1 })]);
    await sautikitRequest(a.config, { method: "POST", path: "/v1/x", body: {} });
    expect(a.seen).toHaveLength(2);
    const b = scripted([err(503, "service_unavailable"), json(200, {})]);
    const e = await caught(sautikitRequest(b.config, { method: "POST", path: "/v1/x", body: {} }));
    expect(e.code).toBe("SAUTIKIT_UNAVAILABLE");
    expect(b.seen).toHaveLength(1);
  });

  it("gives up on a Retry-After longer than it may wait, as RATE_LIMITED with the hint", async () => {
    const { config, seen } = scripted([err(429, "rate_limited", { "Retry-After": "120" })]);
    const e = await caught(sautikitRequest(config, { method: "GET", path: "/v1/calls" }));
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.retryAfter).toBe(120);
    expect(seen).toHaveLength(1);
  });

  it("retries network errors and timeouts on safe requests", async () => {
    const { config, seen } = scripted([new TypeError("fetch failed"), "hang", json(200, { numbers: [] })]);
    const res = await sautikitRequest({ ...config, timeoutMs: 30 }, { method: "GET", path: "/v1/numbers" });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it("does not repeat a keyless POST that timed out (it may have been done)", async () => {
    const { config, seen } = scripted(["hang", json(200, {})]);
    const e = await caught(sautikitRequest({ ...config, timeoutMs: 30 }, { method: "POST", path: "/v1/x", body: {} }));
    expect(e.code).toBe("SAUTIKIT_UNAVAILABLE");
    expect(e.message).toMatch(/in time/);
    expect(seen).toHaveLength(1);
  });

  it("maps 402 to WALLET_EMPTY with Sautikit's request id and does not retry", async () => {
    const { config, seen } = scripted([err(402, "wallet.insufficient_funds")]);
    const e = await caught(
      sautikitRequest(config, { method: "POST", path: "/v1/calls", body: {}, idempotencyKey: "k" }),
    );
    expect(e.code).toBe("WALLET_EMPTY");
    expect(e.requestId).toBe("req_1");
    expect(sautikitCodeOf(e)).toBe("wallet.insufficient_funds");
    expect(seen).toHaveLength(1);
  });

  it.each([
    [400, "validation.failed", "SAUTIKIT_REJECTED"],
    [401, "api_key.invalid", "SAUTIKIT_REJECTED"],
    [403, "numbers.not_owned", "NUMBER_NOT_OWNED"],
    [404, "calls.not_found", "NOT_FOUND"],
    [409, "idempotency.conflict", "CONFLICT"],
  ] as const)("never retries a %i (%s → %s)", async (status, code, appCode) => {
    const { config, seen } = scripted([err(status, code)]);
    const e = await caught(sautikitRequest(config, { method: "GET", path: "/v1/x" }));
    expect(e.code).toBe(appCode);
    expect(seen).toHaveLength(1);
  });

  it("repeats a first 5xx at once (no rate-limit token was spent), then backs off", async () => {
    const { config, sleeps } = scripted([err(500, "internal_error"), err(503, "x"), created()]);
    const res = await sautikitRequest(config, { method: "POST", path: "/v1/calls", body: {}, idempotencyKey: "k" });
    expect(res.attempts).toBe(3);
    expect(sleeps[0]).toBe(0);
    expect(sleeps[1]).toBe(backoff(2, 250, 5000, () => 0.5));
    expect(sleeps[1]).toBeGreaterThan(0);
  });

  it("still waits out a Retry-After sent with a first 5xx", async () => {
    const { config, sleeps } = scripted([err(503, "x", { "Retry-After": "1" }), created()]);
    await sautikitRequest(config, { method: "POST", path: "/v1/calls", body: {}, idempotencyKey: "k" });
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
  });

  it("stops after maxAttempts and reports SAUTIKIT_UNAVAILABLE", async () => {
    const { config, seen, sleeps } = scripted([
      err(500, "internal_error"),
      err(502, "x"),
      err(503, "x"),
      err(504, "x"),
    ]);
    const e = await caught(sautikitRequest(config, { method: "GET", path: "/v1/x" }));
    expect(e.code).toBe("SAUTIKIT_UNAVAILABLE");
    expect(seen).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it("reads the bare { code, reason } error body", async () => {
    const { config } = scripted([
      new Response(JSON.stringify({ code: "recording_unavailable", reason: "gone" }), { status: 410 }),
    ]);
    const e = await caught(sautikitRequest(config, { method: "DELETE", path: "/v1/x" }));
    expect(sautikitCodeOf(e)).toBe("recording_unavailable");
  });
});

describe("backoff and Retry-After", () => {
  it("full jitter stays within [0, min(cap, base·2^(n-1))]", () => {
    expect(backoff(1, 250, 5000, () => 0.999)).toBeLessThan(250);
    expect(backoff(3, 250, 5000, () => 0.999)).toBeLessThan(1000);
    expect(backoff(10, 250, 5000, () => 0.999)).toBeLessThan(5000);
    expect(backoff(4, 250, 5000, () => 0)).toBe(0);
  });
  it("parses seconds and HTTP dates, ignores garbage", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("client", () => {
  it("parses responses instead of trusting them", async () => {
    const { config } = scripted([json(200, { numbers: [{ id: 1 }] })]);
    const e = await caught(createSautikitClient(config).numbers.list());
    expect(e.code).toBe("SAUTIKIT_REJECTED");
  });

  it("validates a call before sending it and reads the rate-limit headers", async () => {
    const { config, seen } = scripted([
      json(
        201,
        { call_id: "c1", session_id: "HD_1", status: "ringing" },
        { "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "9" },
      ),
    ]);
    const client = createSautikitClient(config);
    const bad = await caught(client.calls.create({ from: "0709000200", to: "+254712345678" }, { idempotencyKey: "k" }));
    expect(bad.code).toBe("VALIDATION");
    expect(seen).toHaveLength(0);
    const res = await client.calls.create({ from: "+254709000200", to: "+254712345678" }, { idempotencyKey: "k" });
    expect(res).toMatchObject({ call_id: "c1", rateLimit: { limit: 10, remaining: 9 }, replayed: false });
  });
});

describe("a body that never finishes", () => {
  it("counts as a timeout and is retried on a safe request", async () => {
    let calls = 0;
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      calls++;
      if (calls > 1) return json(200, { numbers: [] });
      // Headers arrive, the body stalls; like fetch, aborting the signal errors the body stream.
      return new Response(
        new ReadableStream({
          async start(c) {
            c.enqueue(new TextEncoder().encode('{"numb'));
            await new Promise((r) => init.signal!.addEventListener("abort", r));
            c.error(init.signal!.reason);
          },
        }),
        { status: 200 },
      );
    }) as unknown as typeof fetch;
    const client = createSautikitClient({
      baseUrl: "http://s.test",
      apiKey: "k",
      timeoutMs: 30,
      fetch: fetchImpl,
      sleep: async () => {},
    });
    expect(await client.numbers.list()).toEqual([]);
    expect(calls).toBe(2);
  });
});
