import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  callSchema,
  createCallResponseSchema,
  hangupResponseSchema,
  listCallsResponseSchema,
} from "@/lib/sautikit/contract/calls";
import { callStatsSchema } from "@/lib/sautikit/contract/stats";
import { callSupervisionSchema } from "@/lib/sautikit/contract/supervision";
import { webrtcTokenSchema } from "@/lib/sautikit/contract/webrtc";
import {
  SDK_METHODS,
  SdkError,
  createSdkShapedClient,
  type Call,
  type CallStats,
  type CallSupervision,
  type CreateCallResponse,
  type HangupResponse,
  type SdkShapedClient,
  type WebRTCToken,
} from "@/tests/support/sdk-shaped-client";
import { SEEDED, emulatorBench, until, FAST_API } from "./helpers";

// Conformance with the official Node SDK 0.5.0: every one of its methods, called through a client
// with the SDK's public shapes and wire behaviour (tests/support/sdk-shaped-client.ts), against the
// real emulator over HTTP. Each answer is also parsed with the contract schemas the emulator and the
// app share, and the type checks below fail `tsc` when the contract drifts from the SDK's shapes.

type Assignable<T extends U, U> = T;
export type ContractMatchesSdk = [
  Assignable<z.infer<typeof createCallResponseSchema>, CreateCallResponse>,
  Assignable<z.infer<typeof callSchema>, Call>,
  Assignable<z.infer<typeof hangupResponseSchema>, HangupResponse>,
  Assignable<z.infer<typeof callStatsSchema>, CallStats>,
  Assignable<z.infer<typeof callSupervisionSchema>, CallSupervision>,
  Assignable<z.infer<typeof webrtcTokenSchema>, WebRTCToken>,
];

const bench = emulatorBench({ env: FAST_API, routeSeeded: true });
const { em } = bench;
let sdk: SdkShapedClient;
const called = new Set<string>();

beforeAll(() => {
  bench.rx.on("/voice/hold", () => ({ body: { actions: [{ conference: { name: "sdk-hold" } }] } }));
  bench.rx.on("/voice/recorded", () => ({
    body: { actions: [{ conference: { name: "sdk-recorded", record: true } }] },
  }));
  sdk = instrument(createSdkShapedClient({ apiKey: SEEDED.apiKey, baseUrl: `${bench.url}/` }));
});

/** Records which SDK methods the test called, so none can be forgotten. */
function instrument(client: SdkShapedClient): SdkShapedClient {
  for (const name of SDK_METHODS) {
    const [group, method] = name.split(".") as ["calls" | "webrtc", string];
    const target = client[group] as Record<string, (...args: unknown[]) => unknown>;
    const original = target[method]!;
    target[method] = (...args: unknown[]) => {
      called.add(name);
      return original(...args);
    };
  }
  return client;
}

async function sdkError(p: Promise<unknown>): Promise<SdkError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SdkError);
  return e as SdkError;
}

describe("SDK 0.5.0 conformance", () => {
  let callId = "";
  let sessionId = "";

  it("calls.create sends the SDK's wire body and gets both ids back", async () => {
    const res = createCallResponseSchema.parse(
      await sdk.calls.create({
        from: SEEDED.callerId,
        to: "+254711000401",
        callerId: SEEDED.dialIn,
        voiceCallbackUrl: `${bench.rx.url}/voice/hold`,
        clientRequestId: "sdk-order-1",
      }),
    );
    const sent = sdk.sent.at(-1)!;
    expect(JSON.parse(sent.body!)).toEqual({
      from: SEEDED.callerId,
      to: ["+254711000401"],
      caller_id: SEEDED.dialIn,
      voice_callback_url: `${bench.rx.url}/voice/hold`,
      client_request_id: "sdk-order-1",
    });
    expect(sent.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res).toMatchObject({ status: "ringing", client_request_id: "sdk-order-1" });
    callId = res.call_id;
    sessionId = res.session_id;
    const replay = await sdk.calls.create({
      from: SEEDED.callerId,
      to: "+254711000401",
      callerId: SEEDED.dialIn,
      voiceCallbackUrl: `${bench.rx.url}/voice/hold`,
      clientRequestId: "sdk-order-1",
      idempotencyKey: sent.headers["Idempotency-Key"],
    });
    expect(replay).toEqual(res);
  });

  it("calls.get takes the UUID or the HD_ session id; calls.list maps its params", async () => {
    const call = callSchema.parse(
      await until("the call answered", async () => {
        const c = await sdk.calls.get(callId);
        return c.status === "answered" && c;
      }),
    );
    expect(call).toMatchObject({
      id: callId,
      session_id: sessionId,
      direction: "outbound",
      remote_e164: "+254711000401",
    });
    expect((await sdk.calls.get(sessionId)).id).toBe(callId);
    const page = listCallsResponseSchema.parse(
      await sdk.calls.list({ sessionId, status: "answered,completed", direction: "outbound", limit: 5 }),
    );
    expect(page.data.map((c) => c.id)).toEqual([callId]);
    expect(sdk.sent.at(-1)!.url).toBe(
      `${bench.url}/v1/calls?status=answered%2Ccompleted&direction=outbound&session_id=${sessionId}&limit=5`,
    );
    const err = await sdkError(sdk.calls.get("no-such-call"));
    expect([err.status, err.code]).toEqual([404, "calls.not_found"]);
    expect(err.requestId).toMatch(/^req_/);
  });

  it("calls.supervise / getSupervision / setSupervisionMode / stopSupervision", async () => {
    const superviseAsMary = () =>
      sdk.calls.supervise(sessionId, {
        mode: "listen",
        supervisor: { type: "client", identity: "mary" },
        label: "Mary",
        announce: "agent",
        idempotencyKey: "sdk-sup-1",
      });
    const sup = callSupervisionSchema.parse(await superviseAsMary());
    expect(sup).toMatchObject({
      call_id: callId,
      session_id: sessionId,
      mode: "listen",
      announce: "agent",
      notify_agent: true,
      supervisor: { type: "client", identity: "mary", label: "Mary" },
    });
    expect(JSON.parse(sdk.sent.at(-1)!.body!)).toEqual({
      mode: "listen",
      supervisor: { type: "client", identity: "mary" },
      announce: "agent",
      label: "Mary",
    });
    // The same request again (same idempotency key) is the same supervision.
    expect((await superviseAsMary()).supervision_id).toBe(sup.supervision_id);
    const busy = await sdkError(
      sdk.calls.supervise(callId, {
        mode: "barge",
        supervisor: { type: "phone", number: "+254711000222" },
        notifyAgent: false,
      }),
    );
    expect([busy.status, busy.code]).toEqual([409, "calls.supervision_in_progress"]);

    await until(
      "the supervisor connected",
      async () => (await sdk.calls.getSupervision(callId))?.state === "connected",
    );
    const changed = callSupervisionSchema.parse(await sdk.calls.setSupervisionMode(callId, "whisper"));
    expect(changed).toMatchObject({ mode: "whisper", state: "connected" });
    await expect(sdk.calls.stopSupervision(callId)).resolves.toBeUndefined();
    await expect(sdk.calls.stopSupervision(callId)).resolves.toBeUndefined();
    expect(await sdk.calls.getSupervision(callId)).toBeNull();
  });

  it("calls.recording: pending while the room records, ready (a presigned WAV) after, an SdkError without one", async () => {
    const rec = createCallResponseSchema.parse(
      await sdk.calls.create({
        from: SEEDED.callerId,
        to: "+254711000402",
        voiceCallbackUrl: `${bench.rx.url}/voice/recorded`,
      }),
    );
    // 404 until the callee has answered and joined the recorded room.
    const pending = await until("the recording pending", async () => {
      const r = await sdk.calls
        .recording(rec.call_id)
        .catch((e: unknown) => (e instanceof SdkError && e.status === 404 ? null : Promise.reject(e)));
      return r?.status === "pending" && r;
    });
    expect(pending).toEqual({ status: "pending", retryAfterSeconds: 5 });
    expect(sdk.sent.at(-1)!.headers).not.toHaveProperty("Content-Type");
    expect(hangupResponseSchema.parse(await sdk.calls.hangup(rec.call_id))).toEqual({
      call_id: rec.call_id,
      status: "hung_up",
    });
    const ready = await until("the recording ready", async () => {
      const r = await sdk.calls.recording(rec.call_id);
      return r.status === "ready" && r;
    });
    if (ready.status !== "ready") throw new Error("unreachable");
    const wav = await fetch(ready.url);
    expect([wav.status, wav.headers.get("content-type")]).toEqual([200, "audio/wav"]);
    const none = await sdkError(sdk.calls.recording(callId));
    expect([none.status, none.code]).toEqual([404, "calls.recording_not_found"]);
  });

  it("calls.hangup is idempotent; calls.stats answers every window and bucket", async () => {
    expect(await sdk.calls.hangup(callId)).toEqual({ call_id: callId, status: "hung_up" });
    expect(await sdk.calls.hangup(sessionId)).toEqual({ call_id: callId, status: "hung_up" });
    await until("the call ended", async () => (await sdk.calls.get(callId)).ended_at !== null);
    const plain = callStatsSchema.parse(await sdk.calls.stats());
    expect(plain.series).toBeUndefined();
    expect(plain.total).toBeGreaterThanOrEqual(2);
    for (const since of ["today", "7d", "month", new Date(Date.now() - 3_600_000).toISOString()])
      for (const bucket of [undefined, "hour", "day"] as const) {
        const s = callStatsSchema.parse(await sdk.calls.stats(since, bucket));
        expect(s.currency).toBe("KES");
        if (bucket) expect(s.series!.reduce((n, b) => n + b.total, 0)).toBe(s.total);
      }
    expect(sdk.sent.at(-1)!.url).toMatch(/\/v1\/calls\/stats\?since=.+&bucket=day$/);
  });

  it("webrtc.mintToken always sends a JSON body and gets a token", async () => {
    const token = webrtcTokenSchema.parse(await sdk.webrtc.mintToken());
    expect(sdk.sent.at(-1)!.body).toBe("{}");
    expect(token.token.split(".")).toHaveLength(3);
    const bound = await sdk.webrtc.mintToken({ clientName: "agent-42", role: "dialer", phoneNumber: SEEDED.dialIn });
    expect(JSON.parse(sdk.sent.at(-1)!.body!)).toEqual({
      client_name: "agent-42",
      role: "dialer",
      phone_number: SEEDED.dialIn,
    });
    expect(bound).toMatchObject({ clientName: "agent-42", expiresIn: 300 });
    const refused = await sdkError(sdk.webrtc.mintToken({ phoneNumber: "+254709999999" }));
    expect([refused.status, refused.code]).toEqual([403, "numbers.not_owned"]);
  });

  it("called every SDK 0.5.0 method", async () => {
    expect([...called].sort()).toEqual([...SDK_METHODS].sort());
    // Nothing it sent was refused for its shape.
    const { requests } = await em.control("/requests?status=400");
    expect(requests).toEqual([]);
  });
});
