import { describe, expect, it } from "vitest";
import { createCallRequestSchema, listCallsQuerySchema } from "@/lib/sautikit/contract/calls";
import { callCostMinor, magicBehaviour, RETRY_SCHEDULE_SECONDS } from "@/lib/sautikit/contract/constants";
import { parseApiError } from "@/lib/sautikit/contract/errors";
import { routingRequestSchema } from "@/lib/sautikit/contract/numbers";

describe("create-call request", () => {
  const base = { from: "+254709000200", to: "+254712345678" };
  it("normalises `to` and the callback-URL aliases", () => {
    expect(
      createCallRequestSchema.parse({ ...base, to: ["+254712345678"], action_url: "https://a.example/v" }),
    ).toEqual({
      from: base.from,
      to: base.to,
      caller_id: undefined,
      voice_callback_url: "https://a.example/v",
      client_request_id: undefined,
    });
  });
  it("refuses two destinations, two callback names, control characters and reserved prefixes", () => {
    expect(createCallRequestSchema.safeParse({ ...base, to: ["+254712345678", "+254712345679"] }).success).toBe(false);
    expect(
      createCallRequestSchema.safeParse({
        ...base,
        webhook_url: "https://a.example/1",
        voice_callback_url: "https://a.example/2",
      }).success,
    ).toBe(false);
    expect(createCallRequestSchema.safeParse({ ...base, client_request_id: "a\nb" }).success).toBe(false);
    expect(createCallRequestSchema.safeParse({ ...base, client_request_id: "mcp:x" }).success).toBe(false);
    expect(createCallRequestSchema.safeParse({ ...base, client_request_id: "x".repeat(5001) }).success).toBe(false);
    expect(createCallRequestSchema.safeParse({ ...base, from: "0709000200" }).success).toBe(false);
  });
});

describe("list query, routing, errors", () => {
  it("parses comma-separated statuses and bounds the limit", () => {
    expect(listCallsQuerySchema.parse({ status: "completed,failed" }).status).toEqual(["completed", "failed"]);
    expect(listCallsQuerySchema.parse({}).limit).toBe(25);
    expect(listCallsQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(listCallsQuerySchema.safeParse({ status: "done" }).success).toBe(false);
  });
  it("accepts one routing URL name at a time", () => {
    expect(routingRequestSchema.parse({ routing_url: "https://a.example/v" }).voice_callback_url).toBe(
      "https://a.example/v",
    );
    expect(
      routingRequestSchema.safeParse({ voice_url: "https://a.example/v", routing_url: "https://a.example/w" }).success,
    ).toBe(false);
  });
  it("reads both error shapes", () => {
    expect(parseApiError({ error: { code: "calls.not_found", message: "m", request_id: "req_1" } })).toEqual({
      code: "calls.not_found",
      message: "m",
      requestId: "req_1",
    });
    expect(parseApiError({ code: "recording_unavailable", reason: "deleted" })).toEqual({
      code: "recording_unavailable",
      message: "deleted",
    });
    expect(parseApiError("nope")).toBeNull();
  });
});

describe("pinned numbers", () => {
  it("bills per second, rounded up to the minor unit", () => {
    expect(callCostMinor(0, 300)).toBe(0);
    expect(callCostMinor(1, 300)).toBe(5);
    expect(callCostMinor(61, 300)).toBe(305);
    expect(callCostMinor(7, 7)).toBe(1);
    expect(callCostMinor(100, 0)).toBe(0);
  });
  it("maps the magic-number table", () => {
    expect(magicBehaviour("+254700000150")).toEqual({ kind: "busy" });
    expect(magicBehaviour("+254700000299")).toEqual({ kind: "no_answer" });
    expect(magicBehaviour("+254700000300")).toEqual({ kind: "fail" });
    expect(magicBehaviour("+254700000407")).toEqual({ kind: "hangup_after", seconds: 7 });
    expect(magicBehaviour("+254700000512")).toEqual({ kind: "manual" });
    expect(magicBehaviour("+254700000600")).toEqual({ kind: "voicemail" });
    expect(magicBehaviour("+254700000699")).toEqual({ kind: "voicemail" });
    expect(magicBehaviour("+254700000705")).toEqual({ kind: "drop_after", seconds: 5 });
    expect(magicBehaviour("+254700000800")).toEqual({ kind: "auto" });
    expect(magicBehaviour("+254712345678")).toEqual({ kind: "auto" });
  });
  it("has the 8-attempt retry schedule", () => {
    expect(RETRY_SCHEDULE_SECONDS).toEqual([0, 30, 120, 600, 1800, 7200, 21600, 86400]);
  });
});
