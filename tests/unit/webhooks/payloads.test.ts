import { describe, expect, it } from "vitest";
import { encodeFormBody } from "@/lib/sautikit/contract/common";
import { buildVoiceCallbackBody } from "@/lib/sautikit/contract/callbacks";
import { parseBody } from "@/lib/webhooks/parse-body";
import { readCallEvent, readConferenceDigits, readConferenceEvent, readVoiceCallback } from "@/lib/webhooks/payloads";

const form = (fields: Record<string, string | number | boolean | undefined>) =>
  parseBody(encodeFormBody(fields), "application/x-www-form-urlencoded")!.fields;

describe("parseBody", () => {
  it("reads JSON and form bodies, whatever the content type claims", () => {
    expect(parseBody('{"a":1}', "application/json")).toEqual({ format: "json", fields: { a: 1 } });
    expect(parseBody('{"a":1}', "text/plain")).toEqual({ format: "json", fields: { a: 1 } });
    expect(parseBody("a=1&b=%2B254", "application/x-www-form-urlencoded")).toEqual({
      format: "form",
      fields: { a: "1", b: "+254" },
    });
    expect(parseBody("a=1", null)).toEqual({ format: "form", fields: { a: "1" } });
  });
  it("refuses broken JSON declared as JSON and JSON that is not an object", () => {
    expect(parseBody("{nope", "application/json")).toBeNull();
    expect(parseBody("[1,2]", "application/json")).toBeNull();
  });
});

describe("voice callbacks", () => {
  // What the emulator's builder is given is what the reader must give back.
  const expected = {
    callId: "0190a0b0-0000-7000-8000-000000000001",
    sessionId: "HD_24d73b4518bc",
    from: "+254712345678",
    to: "+254709000100",
    direction: "inbound",
    status: "ringing",
    digits: "",
    clientRequestId: "m1.p1.1",
  } as const;
  const canonical = buildVoiceCallbackBody(expected);

  it("reads the canonical form body (both styles at once)", () => {
    expect(readVoiceCallback(form(canonical))).toMatchObject({ success: true, data: expected });
  });

  it("reads the PascalCase style alone", () => {
    const { CallId, From, To, Direction, CallStatus, Digits } = canonical;
    const r = readVoiceCallback(form({ CallId, From, To, Direction, CallStatus, Digits }));
    expect(r.data).toMatchObject({
      callId: CallId,
      from: From,
      to: To,
      direction: "inbound",
      status: "ringing",
      digits: "",
    });
    // The clientRequestId Sautikit appends to the URL is unsigned: readers never see the query.
    expect(r.data?.clientRequestId).toBeUndefined();
  });
});

describe("conference status events", () => {
  const join = {
    ConferenceName: "mk-room-1",
    conference_name: "mk-room-1",
    EventId: "ev-1",
    Timestamp: "2026-11-25T10:00:05.000Z",
    SequenceNumber: "7",
    participants: "2",
    StatusCallbackEvent: "participant-join",
    event: "join",
    CallId: "call-1",
    call_id: "call-1",
    session_id: "HD_000000000001",
    participant_id: "p-1",
    caller: "+254712345678",
    muted: "false",
    clientRequestId: "m1.p1.1",
  };

  it("reads the canonical body", () => {
    const r = readConferenceEvent(form(join));
    expect(r.data).toEqual({
      eventId: "ev-1",
      room: "mk-room-1",
      event: "join",
      callId: "call-1",
      sessionId: "HD_000000000001",
      participantId: "p-1",
      caller: "+254712345678",
      muted: false,
      participants: 2,
      clientRequestId: "m1.p1.1",
      timestamp: new Date("2026-11-25T10:00:05.000Z"),
      sequence: 7,
    });
  });

  it("reads in-room digits", () => {
    const d = readConferenceDigits(
      form({
        ConferenceName: "r",
        conference_name: "r",
        CallId: "c",
        call_id: "c",
        Digits: "*6",
        digits: "*6",
        StatusCallbackEvent: "DigitsCollected",
        event: "digits",
        EventId: "e9",
        Timestamp: "2026-11-25T10:00:05.000Z",
      }),
    );
    expect(d.data).toMatchObject({ room: "r", callId: "c", digits: "*6", eventId: "e9" });
  });
});

describe("call events", () => {
  const envelope = {
    kind: "call.completed",
    event_id: "ev-2",
    workspace_id: "ws",
    occurred_at: "2026-11-25T10:03:00.000Z",
    data: {
      call_id: "call-1",
      session_id: "HD_000000000001",
      pbx_call_id: "HD_000000000001",
      direction: "outbound",
      from: "+254709000200",
      to: "+254712345678",
      number_id: "n1",
      status: "completed",
      duration_seconds: 95,
      answered_at: "2026-11-25T10:01:25.000Z",
      ended_at: "2026-11-25T10:03:00.000Z",
      hangup_cause: "normal_clearing",
      cost_minor: 475,
      clientRequestId: "m1.p1.1",
    },
  };

  it("reads the contract envelope", () => {
    const r = readCallEvent(envelope);
    expect(r.data).toMatchObject({
      eventId: "ev-2",
      kind: "call.completed",
      occurredAt: new Date("2026-11-25T10:03:00.000Z"),
      data: {
        callId: "call-1",
        direction: "outbound",
        durationSeconds: 95,
        costMinor: 475,
        clientRequestId: "m1.p1.1",
        hangupCause: "normal_clearing",
      },
    });
  });

  it("reads the { event_kind, payload } envelope; an id only from the body", () => {
    const body = {
      event_kind: "call.recording.ready",
      payload: { call_id: "c", recording_duration_seconds: 30, recording_size_bytes: 480000 },
    };
    const r = readCallEvent(body);
    expect(r.data).toMatchObject({
      kind: "call.recording.ready",
      data: { callId: "c", durationSeconds: 30, sizeBytes: 480000 },
    });
    expect(r.data?.eventId).toBeUndefined();
  });
});

describe("one naming style alone", () => {
  const pbxNative = JSON.stringify({
    sessionId: "HD_24d73b4518bc",
    callerNumber: "+254712345678",
    destinationNumber: "+254709000100",
    callSessionState: "ANSWERED",
    clientRequestId: "x",
    unknownField: { nested: true },
  });
  it.each([
    [
      "a voice callback in the PBX-native style, as JSON",
      () => readVoiceCallback(parseBody(pbxNative, "application/json")!.fields),
      { callId: "HD_24d73b4518bc", from: "+254712345678", to: "+254709000100", status: "answered" },
    ],
    [
      "a conference event in PascalCase",
      () =>
        readConferenceEvent({
          ConferenceName: "r",
          StatusCallbackEvent: "participant-mute",
          CallId: "c",
          EventId: "e",
          SequenceNumber: "3",
        }),
      { room: "r", event: "mute", callId: "c", eventId: "e", sequence: 3 },
    ],
    [
      "a conference event in snake_case",
      () =>
        readConferenceEvent({
          conference_name: "r",
          event: "conference-end",
          recording_url: "http://x/r.wav",
          recording_call_id: "c0",
        }),
      { room: "r", event: "end", recordingUrl: "http://x/r.wav", recordingCallId: "c0" },
    ],
  ])("reads %s", (_, read, expected) => {
    expect(read().data).toMatchObject(expected);
  });
});

describe("what no reader accepts", () => {
  it.each([
    ["a voice callback without a call id", () => readVoiceCallback({ From: "+254712345678" })],
    ["a voice callback whose digits have letters", () => readVoiceCallback({ CallId: "c", Digits: "12a" })],
    ["an unknown conference event", () => readConferenceEvent({ ConferenceName: "r", event: "explode" })],
    ["a conference event without a room", () => readConferenceEvent({ event: "join" })],
    ["a call event of a non-call kind", () => readCallEvent({ kind: "wallet.low_balance", data: { call_id: "c" } })],
    ["a call event without a call id", () => readCallEvent({ kind: "call.started", data: {} })],
  ])("refuses %s", (_, read) => {
    expect(read().success).toBe(false);
  });
});
