// Number privacy over HTTP, on the app's real route handlers: with the workspace set to "admins
// only", an organiser's every JSON, SSE and CSV response about their own meeting carries no full
// phone number of anyone on it (checked on the raw bodies, in every written form); an admin gets
// the numbers; "everyone" gives them to the organiser too, also on an SSE stream already open.
// Saving a guest works from the roster's leg id, without the browser ever holding the number.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { discoverRoutes } from "../support/route-table";
import type { Client, People } from "../reliability/support/http-client";
import { leakedNumbers } from "@/tests/support/phone-leaks";
import { sseFrames } from "@/tests/support/sse-frames";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../app");
const PUBLIC = [/^\/api\/auth\//, /^\/api\/health$/, /^\/api\/sautikit\//];

const app = appFixture();
let db: typeof import("@/lib/db").db;
let people: People;
let admin: Client;
let organiser: Client;

// Every number a person on the organiser's meeting has; distinct digits so a match is no accident.
const PARTICIPANT = "+254711302917";
const HOST = "+254722418653";
const GUEST = "+254733529764";
const SECOND_GUEST = "+254733529864"; // differs from GUEST only in hidden digits
const DIAL_ERROR_NUMBER = "+254744630875";
const ADDED = "+254755741986";
const PERSON_NUMBERS = [PARTICIPANT, HOST, GUEST, SECOND_GUEST, DIAL_ERROR_NUMBER, ADDED];
let DIAL_IN: string;
let CALLER_ID: string;

type Ids = { meetingId: string; participantId: string; legId: string; guestLegId: string; recordingId: string };

beforeAll(async () => {
  db = app.lib.db;
  people = await app.people();
  admin = await app.signIn(people.adminA);
  organiser = await app.signIn(people.organiserA);
  // Signing up connected the workspace to the emulator; its numbers are the workspace's own.
  const conn = await db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: people.adminA.workspaceId } });
  DIAL_IN = conn.dialInNumber!;
  CALLER_ID = conn.callerIdNumber!;
}, 120_000);

/** The organiser's meeting: participants, a dialled leg with an error naming the number, two guests, a recording, audit rows. */
async function organiserMeeting(): Promise<Ids> {
  const ws = people.organiserA.workspaceId;
  const m = await db.meeting.create({
    data: {
      workspaceId: ws,
      organiserId: people.organiserA.userId,
      title: "Chama privacy",
      startsAt: new Date(Date.now() - 60_000),
      roomName: `privacy-${Date.now()}-${Math.random()}`,
      pin: "424242",
      hostPin: "868686",
      status: "live",
      startedAt: new Date(),
    },
  });
  const p = await db.participant.create({
    data: { workspaceId: ws, meetingId: m.id, name: "Amina", phoneE164: PARTICIPANT },
  });
  const host = await db.participant.create({
    data: { workspaceId: ws, meetingId: m.id, name: "Baraka", phoneE164: HOST, role: "host" },
  });
  await db.participant.create({
    data: { workspaceId: ws, meetingId: m.id, name: "Chebet", phoneE164: DIAL_ERROR_NUMBER },
  });
  const now = new Date();
  const leg = await db.leg.create({
    data: {
      workspaceId: ws,
      meetingId: m.id,
      participantId: host.id,
      direction: "outbound",
      fromE164: CALLER_ID,
      toE164: HOST,
      callId: `call-host-${m.id}`,
      state: "in_call",
      answeredAt: now,
      joinedAt: now,
      ratePerMinuteMinor: 300,
    },
  });
  await db.leg.create({
    data: {
      workspaceId: ws,
      meetingId: m.id,
      direction: "outbound",
      toE164: DIAL_ERROR_NUMBER,
      state: "left",
      endReason: "failed",
      endedAt: now,
      dialErrorCode: "invalid_number",
      dialError: `Sautikit refused ${DIAL_ERROR_NUMBER}: not a reachable number.`,
    },
  });
  const guestLeg = await db.leg.create({
    data: {
      workspaceId: ws,
      meetingId: m.id,
      direction: "inbound",
      fromE164: GUEST,
      toE164: DIAL_IN,
      callId: `call-guest-${m.id}`,
      state: "in_call",
      answeredAt: now,
      joinedAt: now,
    },
  });
  await db.leg.create({
    data: {
      workspaceId: ws,
      meetingId: m.id,
      direction: "inbound",
      fromE164: SECOND_GUEST,
      toE164: DIAL_IN,
      callId: `call-guest2-${m.id}`,
      state: "left",
      endReason: "hung_up",
      answeredAt: now,
      joinedAt: now,
      endedAt: now,
      durationSeconds: 12,
      costMinor: 60,
    },
  });
  const rec = await db.recording.create({
    data: { workspaceId: ws, meetingId: m.id, callId: `call-rec-${m.id}` },
  });
  await db.auditLog.create({
    data: {
      workspaceId: ws,
      actorId: people.organiserA.userId,
      action: "participant.added",
      target: p.id,
      details: { phone: PARTICIPANT, note: `added ${PARTICIPANT}` },
    },
  });
  return { meetingId: m.id, participantId: p.id, legId: leg.id, guestLegId: guestLeg.id, recordingId: rec.id };
}

const apiGets = () =>
  discoverRoutes(appDir)
    .map((r) => r.page.replace(/\/route$/, ""))
    .filter((p) => p.startsWith("/api/") && !PUBLIC.some((re) => re.test(p)));

const fill = (page: string, ids: Ids) =>
  page.replace(/\[(\w+)\]/g, (_, name: string) => (name === "command" ? "mute" : String(ids[name as keyof Ids])));

/** The meeting's SSE stream as this member, frame by frame. */
async function rosterStream(client: Client, meetingId: string) {
  const res = await client.fetch(`/api/meetings/${meetingId}/stream`);
  expect(res.status).toBe(200);
  return sseFrames(res);
}

/** Every GET the member can reach about this meeting (those they may not get are skipped), plus the CSV. */
async function crawl(client: Client, ids: Ids): Promise<{ url: string; status: number; body: string }[]> {
  const urls = apiGets()
    .filter((p) => !p.endsWith("/stream"))
    .map((p) => fill(p, ids));
  urls.push(`/api/meetings/${ids.meetingId}/statement?format=csv`, "/api/admin/calls?days=7");
  const out = [];
  for (const url of urls) {
    const res = await client.fetch(url);
    // Audio would be the recording's bytes from the emulator: its headers are what reaches the browser.
    const body = url.endsWith("/audio") ? JSON.stringify([...res.headers]) : await res.text();
    out.push({ url, status: res.status, body });
  }
  const stream = await rosterStream(client, ids.meetingId);
  const frame = await stream.next("roster");
  await stream.close();
  out.push({ url: `/api/meetings/${ids.meetingId}/stream`, status: 200, body: frame });
  return out;
}

async function setVisibility(who: "admins" | "everyone") {
  const { setPhoneVisibility } = await import("@/lib/privacy/phone-visibility");
  await setPhoneVisibility(
    {
      userId: people.adminA.userId,
      email: people.adminA.email,
      name: "admin",
      workspaceId: people.adminA.workspaceId,
      workspaceName: "Alpha",
      role: "admin",
    },
    { phoneVisibility: who },
  );
}

describe("who sees full phone numbers", { timeout: 90_000 }, () => {
  it("is 'admins only' by default: no organiser response carries a full number, admins' do", async () => {
    const ids = await organiserMeeting();
    // The organiser adds someone by number: allowed, and the answer shows the number masked.
    const added = await organiser.json(`/api/meetings/${ids.meetingId}/participants`, "POST", {
      name: "Dalmas",
      phone: "0755 741 986",
    });
    expect(added.status).toBe(201);
    const addedBody = await added.text();
    expect(leakedNumbers(addedBody, PERSON_NUMBERS)).toEqual([]);
    expect(addedBody).toContain("+254 7•• ••• 986");

    const seen = await crawl(organiser, ids);
    const reached = seen.filter((r) => r.status === 200);
    // The crawl reached the roster, the stream, the statement (JSON and CSV), the recordings and the meeting.
    for (const must of [
      "/roster",
      "/stream",
      "/statement",
      "/statement?format=csv",
      "/api/recordings",
      "/api/meetings",
    ])
      expect(
        reached.some((r) => r.url.endsWith(must)),
        must,
      ).toBe(true);
    for (const r of seen) expect(leakedNumbers(r.body, PERSON_NUMBERS), `${r.url} (${r.status})`).toEqual([]);
    // Masked, not dropped: the roster still tells people apart, and the workspace's own number stays.
    const roster = reached.find((r) => r.url.endsWith("/roster"))!.body;
    expect(roster).toContain("+254 7•• ••• 917");
    expect(roster).toContain("+254 7•• ••• 764");
    const keys = (JSON.parse(roster) as { people: { key: string }[] }).people.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(roster).toContain(DIAL_IN);
    const csv = reached.find((r) => r.url.endsWith("format=csv"))!.body;
    expect(csv).toContain('"=""+254 7•• ••• 653"""');

    // The admin of the same workspace gets every number, in the roster, the CSV and the audit log.
    const adminSeen = await crawl(admin, ids);
    const all = adminSeen.map((r) => r.body).join("\n");
    expect(leakedNumbers(all, PERSON_NUMBERS).sort()).toEqual([...PERSON_NUMBERS].sort());
    const adminCsv = adminSeen.find((r) => r.url.endsWith("format=csv"))!.body;
    expect(adminCsv).toContain('"=""+254 722 418 653"""');
  });

  it("saves a guest from the roster's leg id, and the answer is masked too", async () => {
    const ids = await organiserMeeting();
    const res = await organiser.json(`/api/meetings/${ids.meetingId}/guests`, "POST", {
      name: "Mama Mboga",
      legId: ids.guestLegId,
    });
    const body = await res.text();
    expect(res.status, body).toBe(201);
    expect(leakedNumbers(body, PERSON_NUMBERS)).toEqual([]);
    const saved = await db.participant.findFirstOrThrow({ where: { meetingId: ids.meetingId, name: "Mama Mboga" } });
    expect(saved.phoneE164).toBe(GUEST);
    // A leg that is not a guest's, or of another meeting, names nobody.
    const other = await organiserMeeting();
    const wrong = await organiser.json(`/api/meetings/${ids.meetingId}/guests`, "POST", {
      name: "X",
      legId: other.guestLegId,
    });
    expect(wrong.status).toBe(404);
  });

  it("'everyone' shows organisers full numbers, also on a stream that was already open", async () => {
    const ids = await organiserMeeting();
    const stream = await rosterStream(organiser, ids.meetingId);
    expect(leakedNumbers(await stream.next("roster"), PERSON_NUMBERS)).toEqual([]);
    try {
      await setVisibility("everyone");
      // Any roster change pushes a fresh frame, presented for the viewer's audience as it is now.
      await db.leg.update({ where: { id: ids.legId }, data: { muted: true } });
      const { notifyRosterChanged } = await import("@/lib/roster/roster-bus");
      notifyRosterChanged(ids.meetingId);
      await stream.next("roster", (f) => leakedNumbers(f, [HOST]).length > 0);
    } finally {
      await stream.close();
    }
    const roster = await (await organiser.fetch(`/api/meetings/${ids.meetingId}/roster`)).text();
    expect(leakedNumbers(roster, [PARTICIPANT, HOST, GUEST]).sort()).toEqual([PARTICIPANT, HOST, GUEST].sort());

    // And back: masked again on the next request.
    await setVisibility("admins");
    const again = await (await organiser.fetch(`/api/meetings/${ids.meetingId}/roster`)).text();
    expect(leakedNumbers(again, PERSON_NUMBERS)).toEqual([]);
  });

  it("only admins change the setting; a bad value is refused and changes nothing", async () => {
    const { setPhoneVisibility, getPhoneVisibility } = await import("@/lib/privacy/phone-visibility");
    const organiserActor = {
      userId: people.organiserA.userId,
      email: people.organiserA.email,
      name: "Organiser A",
      workspaceId: people.organiserA.workspaceId,
      workspaceName: "Alpha",
      role: "organiser" as const,
    };
    await expect(setPhoneVisibility(organiserActor, { phoneVisibility: "everyone" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      setPhoneVisibility(
        { ...organiserActor, userId: people.adminA.userId, role: "admin" },
        { phoneVisibility: "all" },
      ),
    ).rejects.toThrow();
    expect(await getPhoneVisibility(organiserActor)).toBe("admins");
  });
});
