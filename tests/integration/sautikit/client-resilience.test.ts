// The Sautikit client against the real emulator process (its own instance, so injected faults
// never leak into other test files): outages, rate limits, timeouts and an empty wallet.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createSautikitClient } from "@/lib/sautikit/client";
import type { SautikitHttpConfig } from "@/lib/sautikit/http";
import { startEmulator } from "@/tests/support/emulator-process";

type Emu = Awaited<ReturnType<typeof startEmulator>>;
type Account = { workspace_id: string; api_key: string; numbers: Array<{ id: string; e164: string; role: string }> };

let emu: Emu;
// One call per second per workspace, so a second call in the same second is rate-limited.
beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_RATE_LIMIT: "1", EMULATOR_LOG: "quiet" } });
});
afterAll(() => emu?.stop());

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/** The client on a fresh emulator account, with every request's headers and every backoff recorded. */
function harness(account: Account, onSleep?: (ms: number, n: number) => Promise<void>) {
  const requests: Array<{ method: string; path: string; key: string | null }> = [];
  const sleeps: number[] = [];
  const config: SautikitHttpConfig = {
    baseUrl: emu.url,
    apiKey: account.api_key,
    timeoutMs: 2_000,
    fetch: (async (url: string, init: RequestInit) => {
      const h = new Headers(init.headers);
      requests.push({ method: init.method ?? "GET", path: new URL(url).pathname, key: h.get("idempotency-key") });
      return fetch(url, init);
    }) as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
      if (onSleep) await onSleep(ms, sleeps.length);
      else await new Promise((r) => setTimeout(r, ms));
    },
  };
  return { requests, sleeps, config };
}

/** The calls the emulator holds for this account to one destination (each test dials its own). */
async function callsTo(account: Account, to: string): Promise<Array<{ id: string }>> {
  const state = (await control("GET", "/_emulator/state")) as {
    calls: Array<{ id: string; workspace_id: string; remote_e164: string }>;
  };
  return state.calls.filter((c) => c.workspace_id === account.workspace_id && c.remote_e164 === to);
}

let account: Account;
let from: string;
beforeEach(async () => {
  await control("DELETE", "/_emulator/faults");
  account = (await control("POST", "/_emulator/workspaces", { name: "resilience" })) as Account;
  from = account.numbers.find((n) => n.role === "caller_id")!.e164;
});

describe("Sautikit client resilience (real emulator)", () => {
  it("a 503 then success places exactly one call, with the same Idempotency-Key", async () => {
    await control("POST", "/_emulator/faults", { outage: true });
    // The outage ends while the client is backing off.
    const h = harness(account, async () => void (await control("DELETE", "/_emulator/faults")));
    const client = createSautikitClient(h.config);
    const res = await client.calls.create(
      { from, to: "+254712000001", client_request_id: "res-503" },
      { idempotencyKey: "m1:p1:1" },
    );
    expect(res.status).toBe("ringing");
    expect(h.requests.map((r) => r.key)).toEqual(["m1:p1:1", "m1:p1:1"]);
    expect(h.sleeps).toHaveLength(1);
    expect(await callsTo(account, "+254712000001")).toHaveLength(1);
  });

  it("a 429 is retried after Retry-After and then succeeds", async () => {
    const h = harness(account);
    const client = createSautikitClient(h.config);
    await client.calls.create(
      { from, to: "+254712000002", client_request_id: "res-429-a" },
      { idempotencyKey: "k-429-a" },
    );
    const second = await client.calls.create(
      { from, to: "+254712000003", client_request_id: "res-429-b" },
      { idempotencyKey: "k-429-b" },
    );
    expect(second.status).toBe("ringing");
    expect(h.requests.filter((r) => r.key === "k-429-b")).toHaveLength(2);
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(await callsTo(account, "+254712000003")).toHaveLength(1);
  });

  it("a timed-out create is retried with the same key and still dials once", async () => {
    await control("POST", "/_emulator/faults", { slow_answer_ms: 1_500 });
    const h = harness(account, async () => {
      // Let the abandoned first attempt finish on the emulator's side (it dials), then end the fault:
      // the retry must be recognised as the same request, not dial a second time.
      await expect.poll(() => callsTo(account, "+254712000004"), { timeout: 10_000, interval: 50 }).toHaveLength(1);
      await control("DELETE", "/_emulator/faults");
    });
    const client = createSautikitClient({ ...h.config, timeoutMs: 300 });
    const res = await client.calls.create(
      { from, to: "+254712000004", client_request_id: "res-timeout" },
      { idempotencyKey: "k-timeout" },
    );
    expect(res.replayed).toBe(true);
    expect(h.requests.map((r) => r.key)).toEqual(["k-timeout", "k-timeout"]);
    const calls = await callsTo(account, "+254712000004");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.id).toBe(res.call_id);
  });

  it("a timed-out read is retried", async () => {
    await control("POST", "/_emulator/faults", { slow_answer_ms: 1_000 });
    const h = harness(account, async () => void (await control("DELETE", "/_emulator/faults")));
    const numbers = await createSautikitClient({ ...h.config, timeoutMs: 200 }).numbers.list();
    expect(numbers.map((n) => n.id).sort()).toEqual(account.numbers.map((n) => n.id).sort());
    expect(h.requests).toHaveLength(2);
  });

  it("402 surfaces as WALLET_EMPTY, with Sautikit's request id, and is not retried", async () => {
    await control("POST", "/_emulator/wallet", { workspace_id: account.workspace_id, set_minor: 0 });
    const h = harness(account);
    const err = await createSautikitClient(h.config)
      .calls.create({ from, to: "+254712000005", client_request_id: "res-402" }, { idempotencyKey: "k-402" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("WALLET_EMPTY");
    expect((err as AppError).requestId).toMatch(/\S+/);
    expect(h.requests).toHaveLength(1);
    expect(await callsTo(account, "+254712000005")).toHaveLength(0);
  });

  it("a number the account does not own is NUMBER_NOT_OWNED; a wrong key is SAUTIKIT_REJECTED", async () => {
    const h = harness(account);
    const notOwned = await createSautikitClient(h.config)
      .calls.create({ from: "+254709999999", to: "+254712000006" }, { idempotencyKey: "k-owned" })
      .catch((e: AppError) => e);
    expect(notOwned).toMatchObject({ code: "NUMBER_NOT_OWNED" });
    const badKey = await createSautikitClient({ ...h.config, apiKey: "sk_wrong_key" })
      .wallet.balance()
      .catch((e: AppError) => e);
    expect(badKey).toMatchObject({ code: "SAUTIKIT_REJECTED" });
  });

  it("reads the wallet, pricing and calls through the contract shapes", async () => {
    const client = createSautikitClient(harness(account).config);
    expect(await client.wallet.balance()).toMatchObject({ currency: "KES", balance_minor: expect.any(Number) });
    expect(await client.pricing()).toMatchObject({ currency: "KES", outbound_per_min_kes: 3 });
    const placed = await client.calls.create({ from, to: "+254712000007" }, { idempotencyKey: "k-read" });
    expect(await client.calls.get(placed.call_id)).toMatchObject({ id: placed.call_id, direction: "outbound" });
    expect(await client.calls.hangup(placed.call_id)).toMatchObject({ status: "hung_up" });
    const list = await client.calls.list({ limit: 5 });
    expect(list.data.map((c) => c.id)).toContain(placed.call_id);
  });
});
