// JSON bodies are parsed strictly: a value of the wrong JSON type is refused (422), never coerced.
// The fuzz suite found `{"capacity": [2]}` accepted as 2 by the meeting edit API (seed 279442431):
// z.coerce, meant for text from forms, turned [2] into "2" into 2. Each case below is sent to
// the real routes over HTTP; the meeting must be exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture, meetingInput } from "../support/app-fixture";
import { type Client, postMeeting } from "../reliability/support/http-client";

const app = appFixture();
const lib = app.lib;
let admin: Client;
let meetingId: string;

const validMeeting = () => meetingInput({ title: "Board call" });

beforeAll(async () => {
  admin = await app.signIn((await app.people()).adminA);
  meetingId = await postMeeting(admin, validMeeting());
}, 120_000);

const COERCIBLE: [string, Record<string, unknown>][] = [
  ["capacity [2]", { capacity: [2] }],
  ['capacity "12"', { capacity: "12" }],
  ["capacity true", { capacity: true }],
  ["durationMinutes [45]", { durationMinutes: [45] }],
  ['durationMinutes "45"', { durationMinutes: "45" }],
  ['durationMinutes " 45 "', { durationMinutes: " 45 " }],
  ['startsAt "1" (year 2001)', { startsAt: "1" }],
  ["startsAt a bare year", { startsAt: "2030" }],
  ["startsAt a number", { startsAt: Date.now() + 86_400_000 }],
];

describe("JSON bodies are not coerced", () => {
  it.each(COERCIBLE)("PATCH meeting with %s → 422, meeting unchanged", async (_label, broken) => {
    const before = await lib.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const res = await admin.json(`/api/meetings/${meetingId}`, "PATCH", { ...validMeeting(), capacity: 20, ...broken });
    const text = await res.text();
    expect(res.status, text).toBe(422);
    expect((JSON.parse(text) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "VALIDATION",
    });
    expect(await lib.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toEqual(before);
  });

  it.each(COERCIBLE)("POST meeting with %s → 422, nothing created", async (_label, broken) => {
    const count = await lib.db.meeting.count();
    const res = await admin.json("/api/meetings", "POST", { ...validMeeting(), ...broken });
    expect(res.status, await res.text()).toBe(422);
    expect(await lib.db.meeting.count()).toBe(count);
  });

  it("the same values typed correctly are accepted (the refusals are about type, not range)", async () => {
    const res = await admin.json(`/api/meetings/${meetingId}`, "PATCH", {
      ...validMeeting(),
      capacity: 2,
      durationMinutes: 45,
    });
    expect(res.status, await res.text()).toBe(200);
    expect(await lib.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      capacity: 2,
      durationMinutes: 45,
    });
  });
});
