import { beforeAll, describe, expect, it } from "vitest";
import { callEventSchema } from "@/lib/sautikit/contract/call-events";
import { SEEDED, waitForCall, emulatorBench } from "./helpers";

// Phones that behave like real networks: voicemail, network drops, the prompt key an auto-answering
// phone presses, and caller_id on POST /v1/calls. Driven over HTTP like the app and the console.

const VOICEMAIL_SECONDS = 3;
const bench = emulatorBench({
  env: { EMULATOR_TIME_SCALE: "0.01", EMULATOR_VOICEMAIL_SECONDS: String(VOICEMAIL_SECONDS) },
  routeSeeded: true,
});
const { api, em } = bench;

const phone = (s: any, e164: string) => s.phones.find((p: any) => p.e164 === e164);
const voiceFor = (callId: string) => bench.rx.received("/voice", (r) => r.form().CallId === callId);

/** Asks for one key (1 s), then says what came back and hangs up; or joins a room (stays). */
const askOneKey = {
  actions: [{ getDigits: { numDigits: 1, timeout: 1, nested: [{ say: { text: "Press 1 to join." } }] } }],
};
const stay = { actions: [{ conference: { name: "stay-room" } }] };
beforeAll(() => {
  bench.rx.on("/voice", (req) => {
    const form = req.form();
    const script = form.To?.startsWith("+2547000007") || form.To === "+254755100009" ? "stay" : "ask";
    if (script === "stay") return { body: stay };
    if (form.Digits === undefined) return { body: askOneKey };
    return { body: { actions: [{ say: { text: `Got [${form.Digits}]` } }, { hangup: {} }] } };
  });
});

async function completedEvent(callId: string) {
  const [req] = await bench.rx
    .waitFor(
      (rs) =>
        rs.some(
          (r) =>
            r.path === "/events" &&
            (r.json() as any).kind === "call.completed" &&
            (r.json() as any).data.call_id === callId,
        ),
      10_000,
      "call.completed",
    )
    .then((rs) =>
      rs.filter(
        (r) =>
          r.path === "/events" &&
          (r.json() as any).kind === "call.completed" &&
          (r.json() as any).data.call_id === callId,
      ),
    );
  const ev = callEventSchema.parse(req!.json());
  if (ev.kind !== "call.completed") throw new Error("not call.completed");
  return ev.data;
}

describe("the key an auto-answering phone presses", () => {
  it("presses 1 when asked for one key; a normal end is normal_clearing", async () => {
    const to = "+254755100001";
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    expect(voiceFor(call_id).map((r) => r.form().Digits)).toEqual([undefined, "1"]);
    expect((await em.transcript(to)).map((l) => [l.kind, l.text])).toEqual(
      expect.arrayContaining([
        ["say", "Press 1 to join."],
        ["digits", "1"],
        ["say", "Got [1]"],
      ]),
    );
    expect((await completedEvent(call_id)).hangup_cause).toBe("normal_clearing");
  });

  it("a per-phone setting changes the key or withholds it", async () => {
    const two = "+254755100002";
    const none = "+254755100003";
    expect(await em.behaviour(two, { prompt_key: "2" })).toMatchObject({
      behaviour: "auto",
      prompt_key: "2",
    });
    await em.behaviour(none, { prompt_key: null });
    const a = (await api.post("/v1/calls", { from: SEEDED.callerId, to: two })).json;
    const b = (await api.post("/v1/calls", { from: SEEDED.callerId, to: none })).json;
    await waitForCall(api, a.call_id, (c) => c.ended_at !== null, "ended");
    await waitForCall(api, b.call_id, (c) => c.ended_at !== null, "ended");
    expect(voiceFor(a.call_id)[1]!.form().Digits).toBe("2");
    expect(voiceFor(b.call_id)[1]!.form().Digits).toBe("");
    const st = await em.state();
    expect(phone(st, none).prompt_key).toBeNull();
    await expect(em.behaviour(none, { prompt_key: "12" })).rejects.toThrow(/400/);
    await expect(em.behaviour(none, {})).rejects.toThrow(/400/);
  });

  it("a manual phone waits for the keypad", async () => {
    const to = "+254700000570";
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    await em.waitFor("ringing", (s) => phone(s, to)?.state === "ringing");
    await em.answer(to);
    await em.waitFor("the prompt", (s) => phone(s, to)?.transcript.some((l: any) => l.text === "Press 1 to join."));
    await em.press(to, "2");
    await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    expect(voiceFor(call_id)[1]!.form().Digits).toBe("2");
  });
});

describe("voicemail (+254 700 000 6NN)", () => {
  it("answers after a ring, greets into its transcript, never presses, and hangs up after its limit", async () => {
    const to = "+254700000612";
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    const call = await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended", 15_000);
    // Asked once (Digits empty after the 1 s timeout: it never pressed), then the reply ran out.
    expect(voiceFor(call_id).map((r) => r.form().Digits)).toEqual([undefined, ""]);
    expect(call.status).toBe("completed");
    const st = await em.state();
    const heard = phone(st, to).transcript;
    expect(heard.some((l: any) => l.kind === "play" && /Voicemail greeting/.test(l.text))).toBe(true);
    expect(heard.some((l: any) => l.kind === "digits")).toBe(false);
    expect(phone(st, to).behaviour).toBe("voicemail");
  });

  it("records up to its limit, then hangs up by itself (normal_clearing, billed)", async () => {
    const to = "+254700000613";
    bench.rx.on("/silent", () => ({ body: { actions: [{ record: { maxLength: 30 } }] } }));
    const { call_id } = (
      await api.post("/v1/calls", { from: SEEDED.callerId, to, voice_callback_url: `${bench.rx.url}/silent` })
    ).json;
    const call = await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended", 15_000);
    expect(call).toMatchObject({
      status: "completed",
      duration_seconds: VOICEMAIL_SECONDS,
      cost_minor: VOICEMAIL_SECONDS * 5,
    });
    expect((await completedEvent(call_id)).hangup_cause).toBe("normal_clearing");
  });
});

describe("network drops", () => {
  it("+254 700 000 7NN answers, then drops after NN s: completed, network_out_of_order", async () => {
    const to = "+254700000701";
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    const call = await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    expect(call).toMatchObject({ status: "completed", duration_seconds: 1 });
    expect((await completedEvent(call_id)).hangup_cause).toBe("network_out_of_order");
  });

  it("the control action drops a live call; a ringing one cannot be dropped", async () => {
    const to = "+254755100009";
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    await em.waitFor("in the room", (s) =>
      s.rooms.some((r: any) => r.name === "stay-room" && r.members.some((m: any) => m.call_id === call_id)),
    );
    await em.drop(to);
    expect((await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended")).status).toBe("completed");
    expect((await completedEvent(call_id)).hangup_cause).toBe("network_out_of_order");
    const st = await em.state();
    expect(phone(st, to).transcript.at(-1).text).toMatch(/network dropped/);

    const ringing = "+254700000580";
    await api.post("/v1/calls", { from: SEEDED.callerId, to: ringing });
    await em.waitFor("ringing", (s) => phone(s, ringing)?.state === "ringing");
    await expect(em.drop(ringing)).rejects.toThrow(/409/);
    await expect(em.drop("+254755100099")).rejects.toThrow(/409/);
    await em.hangup(ringing);
  });
});

describe("caller_id on POST /v1/calls", () => {
  it("shows an owned caller ID on the phone and records it on the call", async () => {
    const to = "+254755100010";
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to, caller_id: SEEDED.dialIn })).json;
    const call = await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    expect(call.caller_id).toBe(SEEDED.dialIn);
    expect(voiceFor(call_id)[0]!.form().From).toBe(SEEDED.dialIn);
    const st = await em.state();
    expect(phone(st, to).transcript.some((l: any) => l.text === `Incoming call from ${SEEDED.dialIn}`)).toBe(true);
    const plain = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254755100011" })).json;
    expect((await api.get(`/v1/calls/${plain.call_id}`)).json.call.caller_id).toBeNull();
  });

  it("refuses a caller ID the workspace does not own: 403 numbers.not_owned, nothing dialled", async () => {
    const to = "+254755100012";
    const res = await api.post("/v1/calls", { from: SEEDED.callerId, to, caller_id: "+254711000111" });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("numbers.not_owned");
    expect(res.json.error.message).toMatch(/caller_id/);
    const st = await em.state();
    expect(st.calls.some((c: any) => c.remote_e164 === to)).toBe(false);
  });
});
