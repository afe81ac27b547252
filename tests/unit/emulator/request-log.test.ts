import { describe, expect, it } from "vitest";
import { RequestLog } from "@/emulator/api/request-log";
import { FaultState } from "@/emulator/api/faults";

const entry = (i: number, extra: Partial<Parameters<RequestLog["add"]>[0]> = {}) => ({
  request_id: `req_${i}`,
  method: "GET",
  path: `/v1/calls/${i}`,
  status: 200,
  latency_ms: 1,
  workspace_id: null,
  idempotency_key: null,
  idempotent_replay: false,
  error_code: null,
  ...extra,
});

describe("RequestLog", () => {
  it("is bounded: the oldest entries fall off, newest first", () => {
    const log = new RequestLog(5);
    for (let i = 0; i < 12; i++) log.add(entry(i));
    expect(log.size).toBe(5);
    expect(log.list().map((e) => e.request_id)).toEqual(["req_11", "req_10", "req_9", "req_8", "req_7"]);
    expect(log.list({ limit: 2 })).toHaveLength(2);
  });

  it("filters by text, method and status code or class", () => {
    const log = new RequestLog();
    log.add(entry(1));
    log.add(
      entry(2, {
        method: "POST",
        path: "/v1/calls",
        status: 429,
        error_code: "rate_limited",
        idempotency_key: "Key-A",
      }),
    );
    log.add(entry(3, { status: 503, error_code: "service_unavailable" }));
    expect(log.list({ status: "4xx" }).map((e) => e.request_id)).toEqual(["req_2"]);
    expect(log.list({ status: "503" }).map((e) => e.request_id)).toEqual(["req_3"]);
    expect(log.list({ method: "post" }).map((e) => e.request_id)).toEqual(["req_2"]);
    expect(log.list({ q: "key-a" }).map((e) => e.request_id)).toEqual(["req_2"]);
    expect(log.list({ q: "UNAVAILABLE" }).map((e) => e.request_id)).toEqual(["req_3"]);
    expect(log.list({ q: "/v1/calls/1" }).map((e) => e.request_id)).toEqual(["req_1"]);
  });
});

describe("FaultState streams", () => {
  it("gives the n-th draw of a stream the same value for the same seed, whatever other streams did", () => {
    const a = new FaultState(99);
    const b = new FaultState(99);
    const seqA = Array.from({ length: 20 }, () => a.draw("api_5xx"));
    for (let i = 0; i < 7; i++) b.draw("duplicate");
    const seqB = Array.from({ length: 20 }, () => b.draw("api_5xx"));
    expect(seqB).toEqual(seqA);
    expect(new Set(seqA).size).toBe(20);
    expect(seqA.every((u) => u >= 0 && u < 1)).toBe(true);
    a.reseed();
    expect(a.draw("api_5xx")).toBe(seqA[0]);
    a.reseed(100);
    expect(a.draw("api_5xx")).not.toBe(seqA[0]);
  });

  it("merges faults, keeps the seed out of them and clears zeroed fields", () => {
    const f = new FaultState(1);
    expect(f.merge({ api_5xx_rate: 10, duplicate: true, seed: 5 })).toEqual({ api_5xx_rate: 10, duplicate: true });
    expect(f.seed).toBe(5);
    expect(f.merge({ duplicate: false })).toEqual({ api_5xx_rate: 10 });
    expect(f.chance("drop", 0)).toBe(false);
    expect(f.draws).toEqual({});
  });
});
