import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorControl } from "@/tests/support/emulator-control";
import { recordActionBodySchema, voiceCallbackBodySchema } from "@/lib/sautikit/contract/callbacks";
import { callEventSchema } from "@/lib/sautikit/contract/call-events";
import { conferenceDigitsEventSchema } from "@/lib/sautikit/contract/conference-events";
import { startEmulator } from "@/tests/support/emulator-process";
import { SEEDED, apiClient, routeSeeded, waitForCall, expectSigned, emulatorBench } from "./helpers";

// Voice actions, phones and the control API, driven over HTTP like the app and the console do.

const bench = emulatorBench({ env: { EMULATOR_TIME_SCALE: "0.01" }, routeSeeded: true });
const { api, em } = bench;

const phone = (s: any, e164: string) => s.phones.find((p: any) => p.e164 === e164);
const callbacksFor = (callId: string, p = "/voice") => bench.rx.received(p, (r) => r.form().CallId === callId);

/** Serves a different reply per caller (inbound From / outbound To) on /voice. */
const scripts = new Map<string, (form: Record<string, string>, index: number) => unknown>();
beforeAll(() => {
  bench.rx.on("/voice", (req) => {
    const form = req.form();
    const key = form.Direction === "inbound" ? form.From! : form.To!;
    const script = scripts.get(key);
    const index = bench.rx.received("/voice", (r) => r.form().CallId === form.CallId).length - 1;
    return script ? { body: script(form, index) as object } : { status: 404 };
  });
});

describe("inbound calls and getDigits", () => {
  it("prompts for a PIN, posts the digits back to the same URL, then follows the new document", async () => {
    const caller = "+254755000001";
    scripts.set(caller, (form, i) =>
      i === 0
        ? {
            actions: [
              {
                getDigits: {
                  numDigits: 4,
                  timeout: 10,
                  nested: [{ say: { text: "Enter your meeting PIN", language: "en-KE" } }],
                },
              },
            ],
          }
        : { actions: [{ say: { text: `You entered ${form.Digits}` } }, { hangup: {} }] },
    );
    const { call_id } = await em.dial(caller, SEEDED.dialIn);
    await bench.rx.waitFor(() => callbacksFor(call_id).length > 0, 5000, "the first voice callback");
    const first = callbacksFor(call_id)[0]!;
    expect(voiceCallbackBodySchema.parse(first.form())).toMatchObject({
      CallStatus: "ringing",
      Direction: "inbound",
      From: caller,
      To: SEEDED.dialIn,
      callerNumber: caller,
      destinationNumber: SEEDED.dialIn,
    });
    expect(first.form()).not.toHaveProperty("Digits");
    await expectSigned(first, SEEDED.secret);
    await em.waitFor("the PIN prompt", (s) =>
      phone(s, caller)?.transcript.some((l: any) => l.text === "Enter your meeting PIN"),
    );
    await em.press(caller, "1234");
    const call = await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    expect(call).toMatchObject({
      status: "completed",
      direction: "inbound",
      rate_per_minute_minor: 0,
      cost_minor: 0,
      local_e164: SEEDED.dialIn,
    });
    const second = callbacksFor(call_id)[1]!;
    expect(second.form()).toMatchObject({ Digits: "1234", CallStatus: "answered" });
    const lines = await em.transcript(caller);
    expect(lines.map((l) => [l.kind, l.text])).toEqual(
      expect.arrayContaining([
        ["say", "Enter your meeting PIN"],
        ["digits", "1234"],
        ["say", "You entered 1234"],
      ]),
    );
    expect(lines.find((l) => l.text === "Enter your meeting PIN")?.language).toBe("en-KE");
    const events = await bench.rx.waitFor(
      (rs) =>
        rs.some(
          (r) =>
            r.path === "/events" &&
            (r.json() as any).data.call_id === call_id &&
            (r.json() as any).kind === "call.completed",
        ),
      5000,
      "call.completed",
    );
    const mine = events.filter((r) => r.path === "/events" && (r.json() as any).data.call_id === call_id);
    for (const r of mine) await expectSigned(r, SEEDED.secret);
    expect(mine.map((r) => callEventSchema.parse(r.json()).kind)).toEqual([
      "call.started",
      "call.answered",
      "call.completed",
    ]);
  });

  it("posts empty Digits when getDigits times out", async () => {
    const caller = "+254755000002";
    scripts.set(caller, (_f, i) =>
      i === 0 ? { actions: [{ getDigits: { timeout: 1, numDigits: 4 } }] } : { actions: [{ hangup: {} }] },
    );
    const { call_id } = await em.dial(caller, SEEDED.dialIn);
    await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended", 5000);
    expect(callbacksFor(call_id)[1]!.form().Digits).toBe("");
  });

  it("a leading reject ends the call unanswered: busy, or failed/rejected — free, duration 0", async () => {
    scripts.set("+254755000003", () => ({ actions: [{ reject: { reason: "busy" } }] }));
    scripts.set("+254755000004", () => ({ actions: [{ reject: {} }] }));
    const busy = await em.dial("+254755000003", SEEDED.dialIn);
    const rejected = await em.dial("+254755000004", SEEDED.callerId);
    expect(await waitForCall(api, busy.call_id, (c) => c.ended_at, "ended")).toMatchObject({
      status: "busy",
      duration_seconds: 0,
      cost_minor: 0,
      answered_at: null,
    });
    expect(await waitForCall(api, rejected.call_id, (c) => c.ended_at, "ended")).toMatchObject({
      status: "failed",
      failure_code: "rejected",
      duration_seconds: 0,
    });
  });
});

describe("bad replies fail the leg", () => {
  const cases: [string, string, unknown][] = [
    [
      "+254755000010",
      "invalid_voice_response",
      { actions: Array.from({ length: 51 }, () => ({ say: { text: "x" } })) },
    ],
    ["+254755000011", "invalid_voice_response", { actions: [{ dial: { number: "+254711111111", sip: "sip:a@b.c" } }] }],
    ["+254755000012", "invalid_voice_response", { actions: [{ getDigits: { nested: [{ hangup: {} }] } }] }],
    [
      "+254755000013",
      "invalid_voice_response",
      { actions: [{ say: { text: "a" }, play: { url: "https://x.example/a.mp3" } }] },
    ],
    ["+254755000014", "invalid_voice_response", { actions: [{ stream: { url: "wss://x" } }] }],
  ];
  it.each(cases)("%s → %s", async (to, code, reply) => {
    scripts.set(to, () => reply);
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    const call = await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    expect(call.failure_code).toBe(code);
    expect(call.status).toBe("completed");
    expect(call.events.find((e: any) => e.kind === "call.error").payload.code).toBe(code);
  });

  it("a non-2xx or unreachable callback → voice_callback_failed", async () => {
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254755000015" })).json; // no script: 404
    expect((await waitForCall(api, call_id, (c) => c.ended_at, "ended")).failure_code).toBe("voice_callback_failed");
    const dead = (
      await api.post("/v1/calls", {
        from: SEEDED.callerId,
        to: "+254755000016",
        voice_callback_url: "http://127.0.0.1:9/nothing",
      })
    ).json;
    expect((await waitForCall(api, dead.call_id, (c) => c.ended_at, "ended")).failure_code).toBe(
      "voice_callback_failed",
    );
  });
});

describe("redirect, dial, phones", () => {
  it("redirect fetches a new document; dial bridges a second leg and continues after it", async () => {
    const caller = "+254755000020";
    const target = "+254755000021";
    bench.rx.on("/next", () => ({
      body: { actions: [{ dial: { number: target, timeout: 5 } }, { say: { text: "After the dial" } }] },
    }));
    scripts.set(caller, () => ({ actions: [{ redirect: { url: `${bench.rx.url}/next` } }] }));
    const { call_id } = await em.dial(caller, SEEDED.dialIn);
    const s = await em.waitFor("the dialled leg answered", (st) => phone(st, target)?.state === "in_call" && st);
    const leg = s.calls.find((c: any) => c.remote_e164 === target);
    expect(leg).toMatchObject({ direction: "outbound", status: "answered", local_e164: SEEDED.dialIn });
    await em.hangup(target);
    await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended");
    const st = await em.state();
    expect(phone(st, caller).transcript.map((l: any) => l.text)).toEqual(
      expect.arrayContaining([`Dialling ${target}…`, "After the dial"]),
    );
    expect(bench.rx.received("/next", (r) => r.form().CallId === call_id)).toHaveLength(1);
  });

  it("manual phones ring until answered or declined; behaviours can be overridden", async () => {
    scripts.set("+254700000560", () => ({ actions: [{ conference: { name: "manual-room" } }] }));
    const a = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254700000560" })).json;
    await em.waitFor("ringing", (s) => phone(s, "+254700000560")?.state === "ringing");
    await em.answer("+254700000560");
    await waitForCall(api, a.call_id, (c) => c.status === "answered", "answered");
    await em.hangup("+254700000560");

    const b = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254700000561" })).json;
    await em.waitFor("ringing", (s) => phone(s, "+254700000561")?.state === "ringing");
    await em.decline("+254700000561");
    expect((await waitForCall(api, b.call_id, (c) => c.ended_at, "ended")).status).toBe("busy");

    await em.behaviour("+254755000030", { behaviour: "busy" });
    const c = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254755000030" })).json;
    expect((await waitForCall(api, c.call_id, (x) => x.ended_at, "ended")).status).toBe("busy");
    const st = await em.state();
    expect(phone(st, "+254755000030").behaviour).toBe("busy");
    expect(phone(st, "+254700000561").behaviour).toBe("manual"); // from the magic-number table
  });

  it("refuses bad control requests clearly", async () => {
    await expect(em.answer("+254755000040")).rejects.toThrow(/409/);
    await expect(em.dial("+254755000040", "+254799999999")).rejects.toThrow(/404 .*numbers.not_found/);
    await expect(em.control(`/phones/12345/dial`, "POST", { to: SEEDED.dialIn })).rejects.toThrow(/400/);
    await expect(
      em.control(`/phones/${encodeURIComponent("+254755000040")}/behaviour`, "PUT", { behaviour: "explode" }),
    ).rejects.toThrow(/400/);
    await expect(em.control("/wallet", "POST", { workspace_id: "nope", set_minor: 1 })).rejects.toThrow(/404/);
    await expect(em.control("/wallet", "POST", { workspace_id: SEEDED.workspaceId })).rejects.toThrow(/400/);
  });
});

describe("conference digits", () => {
  it("posts in-room digits to digitsCallbackUrl and plays the say reply to that leg only", async () => {
    const host = "+254755000050";
    const guest = "+254755000051";
    const conf = (extra: object) => ({ actions: [{ conference: { name: "digits-room", ...extra } }] });
    scripts.set(host, () => conf({ collectDigits: true, numDigits: 2, digitsCallbackUrl: `${bench.rx.url}/digits` }));
    scripts.set(guest, () => conf({}));
    bench.rx.on("/digits", () => ({ body: { actions: [{ say: { text: "Meeting locked" } }] } }));
    const h = (await api.post("/v1/calls", { from: SEEDED.callerId, to: host, client_request_id: "m9:host" })).json;
    await api.post("/v1/calls", { from: SEEDED.callerId, to: guest });
    await em.waitFor("both in the room", (s) =>
      s.rooms.find((r: any) => r.name === "digits-room" && r.members.length === 2),
    );
    await em.press(host, "*1");
    const [req] = await bench.rx
      .waitFor((rs) => rs.some((r) => r.path === "/digits"), 5000, "the digits event")
      .then(() => bench.rx.received("/digits"));
    await expectSigned(req!, SEEDED.secret);
    expect(conferenceDigitsEventSchema.parse(req!.form())).toMatchObject({
      Digits: "*1",
      digits: "*1",
      CallId: h.call_id,
      clientRequestId: "m9:host",
      StatusCallbackEvent: "DigitsCollected",
    });
    const s = await em.waitFor(
      "the reply played",
      (st) => phone(st, host).transcript.some((l: any) => l.text === "Meeting locked") && st,
    );
    expect(phone(s, guest).transcript.some((l: any) => l.text === "Meeting locked")).toBe(false);
    expect(phone(s, host).state).toBe("in_call");
    await em.hangup(host);
  });
});

describe("record verb and kick", () => {
  it("records the caller, posts the metadata to `action`, and serves the WAV", async () => {
    const to = "+254755000070";
    scripts.set(to, () => ({
      actions: [{ record: { maxLength: 1, action: `${bench.rx.url}/recorded` } }, { hangup: {} }],
    }));
    const { call_id } = (await api.post("/v1/calls", { from: SEEDED.callerId, to })).json;
    await waitForCall(api, call_id, (c) => c.ended_at !== null, "ended", 5000);
    const [meta] = await bench.rx
      .waitFor((rs) => rs.some((r) => r.path === "/recorded"), 5000, "the record action")
      .then(() => bench.rx.received("/recorded"));
    await expectSigned(meta!, SEEDED.secret);
    const body = recordActionBodySchema.parse(meta!.form());
    expect(body).toMatchObject({ CallId: call_id, RecordingDuration: "1" });
    const rec = await api.get(`/v1/calls/${call_id}/recording`);
    expect(rec.status).toBe(302);
    const wav = Buffer.from(await (await fetch(rec.headers.get("location")!)).arrayBuffer());
    const seconds = wav.readUInt32LE(40) / 16000;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThan(1.5);
    const st = await em.state();
    expect(phone(st, to).transcript.some((l: any) => l.kind === "beep")).toBe(true);
  });

  it("kick hangs the leg up as completed and sends its leave", async () => {
    const a = "+254755000080";
    const b = "+254755000081";
    const conf = {
      actions: [
        {
          conference: {
            name: "kick-room",
            statusEventsCallbackUrl: `${bench.rx.url}/kick-status`,
            statusEvents: "leave",
          },
        },
      ],
    };
    scripts.set(a, () => conf);
    scripts.set(b, () => conf);
    await api.post("/v1/calls", { from: SEEDED.callerId, to: a });
    const kicked = (await api.post("/v1/calls", { from: SEEDED.callerId, to: b })).json;
    await em.waitFor("both in the room", (s) =>
      s.rooms.find((r: any) => r.name === "kick-room" && r.members.length === 2),
    );
    const res = await api.post("/v1/conferences/kick-room/commands", {
      command: "kick",
      participant: kicked.session_id,
    });
    expect(res.json).toMatchObject({ command: "kick", status: "ok" });
    expect((await waitForCall(api, kicked.call_id, (c) => c.ended_at, "ended")).status).toBe("completed");
    const [leave] = await bench.rx
      .waitFor((rs) => rs.some((r) => r.path === "/kick-status"), 5000, "the leave")
      .then(() => bench.rx.received("/kick-status"));
    expect(leave!.form()).toMatchObject({ event: "leave", CallId: kicked.call_id, participants: "1" });
    await em.hangup(a);
  });
});

describe("control API: SSE stream and reset", () => {
  it("streams the state on connect and on change", async () => {
    const ac = new AbortController();
    const res = await fetch(`${bench.url}/_emulator/stream`, { signal: ac.signal });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const frames: any[] = [];
    let buffer = "";
    const next = async () => {
      for (;;) {
        const i = buffer.indexOf("\n\n");
        if (i >= 0) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (frame.includes("event: state") && data) return JSON.parse(data.slice(6));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("stream closed");
        buffer += new TextDecoder().decode(value);
      }
    };
    frames.push(await next());
    expect(frames[0]).toHaveProperty("phones");
    expect(frames[0]).toHaveProperty("deliveries");
    await em.behaviour("+254755000060", { behaviour: "manual" });
    for (;;) {
      const f = await next();
      if (phone(f, "+254755000060")) break;
    }
    ac.abort();
  });

  it("reset clears calls, phones and deliveries but keeps workspaces unless asked", async () => {
    const created = await em.control("/workspaces", "POST", {});
    await em.control("/reset", "POST");
    let s = await em.state();
    expect([s.calls.length, s.phones.length, s.deliveries.length]).toEqual([0, 0, 0]);
    expect(s.workspaces.some((w: any) => w.workspace_id === created.workspace_id)).toBe(true);
    await em.control("/reset", "POST", { workspaces: true });
    s = await em.state();
    expect(s.workspaces.map((w: any) => w.workspace_id)).toEqual([SEEDED.workspaceId]);
    await routeSeeded(api, bench.rx.url);
  });
});

describe("persistence", () => {
  it("keeps workspaces, routing and wallets across a restart, written atomically", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-state-"));
    const file = path.join(dir, "state.json");
    try {
      const first = await startEmulator({ env: { EMULATOR_STATE_FILE: file } });
      const created = await emulatorControl(first.url, "/workspaces", "POST", {
        name: "Persisted",
        balance_minor: 777,
      });
      const wapi = apiClient(first.url, created.api_key);
      await wapi.patch(`/v1/numbers/${created.numbers[0].id}/routing`, { voice_callback_url: "http://127.0.0.1:1/v" });
      await emulatorControl(first.url, "/wallet", "POST", { workspace_id: SEEDED.workspaceId, topup_minor: 23 });
      await first.stop();
      expect(readdirSync(dir)).toEqual(["state.json"]);

      const second = await startEmulator({ env: { EMULATOR_STATE_FILE: file } });
      try {
        const again = apiClient(second.url, created.api_key);
        expect((await again.get("/v1/wallet/balance")).json.balance_minor).toBe(777);
        const numbers = (await again.get("/v1/numbers")).json.numbers;
        expect(numbers.find((n: any) => n.id === created.numbers[0].id).voice_callback_url).toBe(
          "http://127.0.0.1:1/v",
        );
        expect((await apiClient(second.url).get("/v1/wallet/balance")).json.balance_minor).toBe(100_023);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("control API from a browser", () => {
  it("refuses state changes from another site's page and accepts the console's own origin", async () => {
    const before = (await em.state()).workspaces.length;
    const origin = new URL(bench.url).origin;
    const attempts: Record<string, string>[] = [
      { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" },
      { Origin: "http://127.0.0.1:3000", "Sec-Fetch-Site": "same-site" },
      { Origin: "null" },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${bench.url}/_emulator/workspaces`, {
        method: "POST",
        headers: { "Content-Type": "text/plain", ...headers },
        body: JSON.stringify({ name: "drive-by" }),
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("control.cross_site");
    }
    expect((await em.state()).workspaces.length).toBe(before);

    const own = await fetch(`${bench.url}/_emulator/workspaces`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin, "Sec-Fetch-Site": "same-origin" },
      body: JSON.stringify({ name: "from the console" }),
    });
    expect(own.status).toBeLessThan(300);
  });
});
