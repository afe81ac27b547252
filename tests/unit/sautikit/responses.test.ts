import { describe, expect, it } from "vitest";
import { callSchema as strictCall } from "@/lib/sautikit/contract/calls";
import { lenientCallSchema, lenientCreateCallResponseSchema, lenientWalletSchema } from "@/lib/sautikit/responses";

// The client's lenient readers are derived from the contract: same names, fewer checks.
const contractCall = {
  id: "01900000-0000-7000-8000-000000000003",
  workspace_id: "ws",
  session_id: "HD_24d73b4518bc",
  direction: "outbound",
  local_e164: "+254709000200",
  remote_e164: "+254712345678",
  country: "KE",
  started_at: "2026-11-25T10:00:00.000Z",
  answered_at: "2026-11-25T10:00:05.000Z",
  ended_at: "2026-11-25T10:01:05.000Z",
  duration_seconds: 60,
  status: "completed",
  cost_minor: 300,
  cost_currency: "KES",
  rate_per_minute_minor: 300,
  failure_code: null,
  metadata: null,
  created_at: "2026-11-25T10:00:00.000Z",
  updated_at: "2026-11-25T10:01:05.000Z",
  events: [],
};

describe("lenient Sautikit responses", () => {
  it("read everything the contract (the emulator) sends, unchanged", () => {
    expect(strictCall.parse(contractCall)).toBeTruthy();
    expect(lenientCallSchema.parse(contractCall)).toEqual(contractCall);
  });

  it("keep fields the contract does not know and accept values it would refuse", () => {
    const newer = { ...contractCall, status: "transferred", started_at: "yesterday", supervision: { mode: "listen" } };
    expect(strictCall.safeParse(newer).success).toBe(false);
    expect(lenientCallSchema.parse(newer)).toMatchObject({ status: "transferred", supervision: { mode: "listen" } });
  });

  it("still refuse a response without what the app relies on", () => {
    const { id: _id, ...noId } = contractCall;
    expect(lenientCallSchema.safeParse(noId).success).toBe(false);
    expect(lenientCreateCallResponseSchema.safeParse({ status: "ringing" }).success).toBe(false);
    expect(lenientWalletSchema.safeParse({ balance_minor: "100", currency: "KES" }).success).toBe(false);
  });
});
