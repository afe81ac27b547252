import { beforeAll, expect, it } from "vitest";
import { voiceCallbackBodySchema } from "@/lib/sautikit/contract/callbacks";
import { callEventSchema } from "@/lib/sautikit/contract/call-events";
import { conferenceStatusEventSchema } from "@/lib/sautikit/contract/conference-events";
import { SEEDED, expectSigned, emulatorBench } from "./helpers";

// Host + 3 participants: one waits before the host, one joins muted, one arrives over capacity and
// stalls; the host leaves with endOnExit and everyone else is hung up. Status events arrive signed,
// in SequenceNumber order, and the room's recording is a real WAV of the room's length.

const bench = emulatorBench({ env: { EMULATOR_TIME_SCALE: "0.01" }, routeSeeded: true });
const { api, em } = bench;

const HOST = "+254744000001";
const EARLY = "+254744000002";
const MUTED = "+254744000003";
const EXTRA = "+254744000004";
const ROOM = "meeting-42";

beforeAll(() => {
  bench.rx.on("/voice", (req) => {
    const to = req.form().To;
    const common = {
      name: ROOM,
      maxParticipants: 3,
      statusEventsCallbackUrl: `${bench.rx.url}/status`,
      statusEvents: "start end join leave mute unmute",
      waitUrl: "https://cdn.example.com/hold.mp3",
    };
    const role =
      to === HOST
        ? { startOnEnter: true, endOnExit: true, record: true, beep: true }
        : to === MUTED
          ? { startOnEnter: false, muted: true }
          : { startOnEnter: false };
    return {
      body: {
        actions: [
          { say: { text: "Welcome to the meeting", language: "en-KE" } },
          { conference: { ...common, ...role } },
        ],
      },
    };
  });
});

const room = (s: any) => s.rooms.find((r: any) => r.name === ROOM && r.status !== "ended");
const dial = async (to: string) =>
  (await api.post("/v1/calls", { from: SEEDED.callerId, to, client_request_id: `m42:${to.slice(-1)}` })).json;

it("runs the pinned conference scenario end to end", async () => {
  const early = await dial(EARLY);
  await em.waitFor("the early participant waiting", (s) =>
    room(s)?.members.some((m: any) => m.call_id === early.call_id && m.waiting),
  );
  let state = await em.state();
  expect(room(state).status).toBe("waiting");
  const earlyPhone = state.phones.find((p) => p.e164 === EARLY)!;
  expect(earlyPhone.state).toBe("waiting");
  expect(earlyPhone.transcript).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: "say", text: "Welcome to the meeting", language: "en-KE" }),
      expect.objectContaining({ kind: "hold", text: "https://cdn.example.com/hold.mp3" }),
    ]),
  );

  const host = await dial(HOST);
  await em.waitFor("the room to start", (s) => room(s)?.status === "live");
  expect((await api.get(`/v1/calls/${host.call_id}/recording`)).json).toEqual({
    status: "pending",
    retry_after_seconds: 5,
  });
  expect((await api.get(`/v1/calls/${host.call_id}/recording`)).status).toBe(202);

  const muted = await dial(MUTED);
  await em.waitFor("the muted participant", (s) =>
    room(s)?.members.some((m: any) => m.call_id === muted.call_id && m.muted),
  );

  const extra = await dial(EXTRA);
  state = await em.waitFor("the over-capacity leg to stall", (s) => room(s)?.stalled.includes(extra.call_id) && s);
  expect(room(state).members).toHaveLength(3);
  expect(state.phones.find((p: any) => p.e164 === EXTRA)).toMatchObject({ state: "in_call", room: null });

  const unmute = await api.post(`/v1/conferences/${ROOM}/commands`, { command: "unmute", participant: muted.call_id });
  expect(unmute.json).toEqual({ conference: ROOM, command: "unmute", participant: muted.call_id, status: "ok" });
  expect(
    (await api.post(`/v1/conferences/${ROOM}/commands`, { command: "mute", participant: extra.call_id })).json.error
      .code,
  ).toBe("conferences.not_live");
  const mutedPhone = (await em.phone(MUTED))!;
  expect(mutedPhone.transcript.map((l: any) => l.kind)).toEqual(expect.arrayContaining(["muted", "unmuted"]));

  await em.hangup(HOST);
  await bench.rx.waitFor(
    (rs) => rs.some((r) => r.path === "/status" && r.form().event === "end"),
    5000,
    "the end event",
  );
  await bench.rx.waitFor((rs) => rs.filter((r) => r.path === "/status").length >= 10, 5000, "all ten status events");

  // The room is over: every member leg completed; the stalled leg is still connected until it hangs up.
  for (const id of [early.call_id, muted.call_id, host.call_id])
    expect((await api.get(`/v1/calls/${id}`)).json.call.status).toBe("completed");
  expect((await api.get(`/v1/calls/${extra.call_id}`)).json.call.status).toBe("answered");
  await em.hangup(EXTRA);

  const statusRequests = bench.rx.received("/status");
  for (const r of statusRequests) await expectSigned(r, SEEDED.secret);
  const events = statusRequests
    .map((r) => conferenceStatusEventSchema.parse(r.form()))
    .sort((a, b) => Number(a.SequenceNumber) - Number(b.SequenceNumber));
  expect(events.map((e) => Number(e.SequenceNumber))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(new Set(events.map((e) => e.EventId)).size).toBe(10);
  const summary = events.map((e) => [e.event, "caller" in e ? e.caller : "room", e.participants]);
  expect(summary).toEqual([
    ["join", EARLY, "1"],
    ["join", HOST, "2"],
    ["start", "room", "2"],
    ["join", MUTED, "3"],
    ["mute", MUTED, "3"],
    ["unmute", MUTED, "3"],
    ["leave", HOST, "2"],
    ["leave", EARLY, "1"],
    ["leave", MUTED, "0"],
    ["end", "room", "0"],
  ]);
  const joinHost = events[1]!;
  expect(joinHost).toMatchObject({
    StatusCallbackEvent: "participant-join",
    CallId: host.call_id,
    session_id: host.session_id,
    clientRequestId: "m42:1",
    muted: "false",
  });
  expect(events[4]).toMatchObject({ StatusCallbackEvent: "participant-mute", muted: "true" });
  const end = events[9]!;
  expect(end).toMatchObject({ StatusCallbackEvent: "conference-end", recording_call_id: host.call_id });
  expect(end).not.toHaveProperty("clientRequestId");

  // Voice callbacks: form-encoded, both naming styles, signed, clientRequestId in the query.
  const hostCallback = bench.rx.received("/voice", (r) => r.form().CallId === host.call_id)[0]!;
  await expectSigned(hostCallback, SEEDED.secret);
  expect(voiceCallbackBodySchema.parse(hostCallback.form())).toMatchObject({
    CallStatus: "answered",
    Direction: "outbound",
    From: SEEDED.callerId,
    To: HOST,
    sessionId: host.session_id,
  });
  expect(hostCallback.query.get("clientRequestId")).toBe("m42:1");

  // The recording: 302 to a presigned URL, a valid 8 kHz mono 16-bit WAV exactly as long as the room.
  const ended = (await em.state()).rooms.find((r) => r.name === ROOM && r.status === "ended")!;
  const roomMs = Date.parse(ended.ended_at!) - Date.parse(ended.created_at);
  const rec = await api.get(`/v1/calls/${host.call_id}/recording`);
  expect(rec.status).toBe(302);
  const location = rec.headers.get("location")!;
  expect(location).toMatch(/\/recordings\/[0-9a-f-]{36}\.wav\?expires=\d+&sig=[0-9a-f]{64}$/);
  expect(String((end as Record<string, unknown>).RecordingUrl).split("?")[0]).toBe(location.split("?")[0]);
  const wav = Buffer.from(await (await fetch(location)).arrayBuffer());
  expect(wav.toString("ascii", 0, 4)).toBe("RIFF");
  expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  expect(wav.toString("ascii", 8, 16)).toBe("WAVEfmt ");
  expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([
    1, 1, 8000, 16,
  ]);
  expect(wav.toString("ascii", 36, 40)).toBe("data");
  const dataBytes = wav.readUInt32LE(40);
  expect(dataBytes).toBe(wav.length - 44);
  expect(dataBytes).toBe(Math.round((roomMs * 8000) / 1000) * 2);
  expect(roomMs).toBeGreaterThan(0);
  let loud = 0;
  for (let i = 44; i < wav.length; i += 2) if (Math.abs(wav.readInt16LE(i)) > 1000) loud++;
  expect(loud).toBeGreaterThan(0); // join/leave tones

  // Seeking, as object storage answers it: one byte range (206), a suffix, past the end (416).
  const ranged = async (range: string) => {
    const res = await fetch(location, { headers: { Range: range } });
    return { res, body: Buffer.from(await res.arrayBuffer()) };
  };
  const middle = await ranged(`bytes=30-${wav.length - 31}`);
  expect(middle.res.status).toBe(206);
  expect(middle.res.headers.get("content-range")).toBe(`bytes 30-${wav.length - 31}/${wav.length}`);
  expect(middle.body.equals(wav.subarray(30, wav.length - 30))).toBe(true);
  const last = await ranged("bytes=-16");
  expect([last.res.status, last.body.equals(wav.subarray(wav.length - 16))]).toEqual([206, true]);
  const past = await ranged(`bytes=${wav.length}-`);
  expect([past.res.status, past.res.headers.get("content-range")]).toEqual([416, `bytes */${wav.length}`]);

  const ready = await bench.rx.waitFor(
    (rs) => rs.some((r) => r.path === "/events" && (r.json() as any).kind === "call.recording.ready"),
    5000,
    "call.recording.ready",
  );
  const readyReq = ready.find((r) => r.path === "/events" && (r.json() as any).kind === "call.recording.ready")!;
  await expectSigned(readyReq, SEEDED.secret);
  const readyEvent = callEventSchema.parse(readyReq.json());
  expect(readyEvent.data).toMatchObject({ call_id: host.call_id, size_bytes: wav.length });

  // Tampered URLs are refused; after DELETE the recording is gone (410) everywhere.
  const tampered = location.replace(/sig=([0-9a-f])/, (_, c: string) => `sig=${c === "0" ? "1" : "0"}`);
  expect(tampered).not.toBe(location);
  expect((await fetch(tampered)).status).toBe(403);
  expect((await api.del(`/v1/calls/${host.call_id}/recording`)).status).toBe(204);
  const gone = await api.get(`/v1/calls/${host.call_id}/recording`);
  expect(gone.status).toBe(410);
  expect(gone.json).toEqual({ code: "recording_unavailable", reason: "deleted" });
  expect((await fetch(location)).status).toBe(410);
});
