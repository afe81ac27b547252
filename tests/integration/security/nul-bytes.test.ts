// U+0000 anywhere in a JSON string or a path id. PostgreSQL text cannot hold it, so before the
// fix every such request reached the driver and came back a 500. Property: with a NUL placed at
// a random spot in one field (or id) of an otherwise valid request, the API answers 4xx with a
// message a person can act on, and nothing in the database changes.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../../support/fuzz";
import { appFixture, meetingInput } from "../support/app-fixture";
import { type Client, postMeeting, postParticipant } from "../reliability/support/http-client";

const app = appFixture();
let admin: Client;
let meetingId: string;
let participantId: string;

const validMeeting = () => meetingInput({ title: "Board call", agenda: "Budget" });

beforeAll(async () => {
  admin = await app.signIn((await app.people()).adminA);
  meetingId = await postMeeting(admin, validMeeting());
  participantId = await postParticipant(admin, meetingId);
}, 120_000);

async function snapshot() {
  const { db } = app.lib;
  const [meetings, participants, audit, meeting] = await Promise.all([
    db.meeting.count(),
    db.participant.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, phoneE164: true, role: true } }),
    db.auditLog.count(),
    db.meeting.findUniqueOrThrow({ where: { id: meetingId } }),
  ]);
  return { meetings, participants, audit, meeting };
}

/** `value` with a NUL spliced in at `at` (clamped). */
const withNul = (value: string, at: number) =>
  `${value.slice(0, at % (value.length + 1))}\u0000${value.slice(at % (value.length + 1))}`;

/** `perLine`: the bulk import answers 200 and refuses bad lines one by one (added: 0, an error per line). */
type Probe = { label: string; send: (nul: (s: string) => string) => Promise<Response>; perLine?: boolean };
const PROBES: Probe[] = [
  {
    label: "POST /api/meetings title",
    send: (n) => admin.json("/api/meetings", "POST", { ...validMeeting(), title: n("Harambee") }),
  },
  {
    label: "POST /api/meetings agenda",
    send: (n) => admin.json("/api/meetings", "POST", { ...validMeeting(), agenda: n("Venue and budget") }),
  },
  {
    label: "PATCH meeting title",
    send: (n) => admin.json(`/api/meetings/${meetingId}`, "PATCH", { ...validMeeting(), title: n("Renamed") }),
  },
  {
    label: "POST participant name",
    send: (n) =>
      admin.json(`/api/meetings/${meetingId}/participants`, "POST", { name: n("Wanjiru"), phone: "+254712000002" }),
  },
  {
    label: "POST participant phone",
    send: (n) =>
      admin.json(`/api/meetings/${meetingId}/participants`, "POST", { name: "Wanjiru", phone: n("+254712000003") }),
  },
  {
    label: "POST bulk participants",
    send: (n) =>
      admin.json(`/api/meetings/${meetingId}/participants/bulk`, "POST", { text: n("Otieno, +254712000004") }),
    perLine: true,
  },
  { label: "GET meeting id", send: (n) => admin.fetch(`/api/meetings/${encodeURIComponent(n(meetingId))}`) },
  {
    label: "DELETE meeting id",
    send: (n) => admin.fetch(`/api/meetings/${encodeURIComponent(n(meetingId))}`, { method: "DELETE" }),
  },
  {
    label: "DELETE participant id",
    send: (n) =>
      admin.fetch(`/api/meetings/${meetingId}/participants/${encodeURIComponent(n(participantId))}`, {
        method: "DELETE",
      }),
  },
  {
    label: "GET recording id",
    send: (n) => admin.fetch(`/api/recordings/${encodeURIComponent(n("00000000-0000-4000-8000-000000000000"))}`),
  },
];

describe("NUL characters in JSON and path ids", () => {
  it("are refused with a 4xx and a clear message; nothing changes", async () => {
    let runs = 0;
    await fuzz(
      fc.asyncProperty(fc.constantFrom(...PROBES), fc.nat(), async (probe, at) => {
        runs++;
        const before = await snapshot();
        const res = await probe.send((s) => withNul(s, at));
        const text = await res.text();
        expect(text, probe.label).not.toMatch(/prisma|invalid byte sequence|\n\s+at /i);
        if (probe.perLine && res.status === 200) {
          const body = JSON.parse(text) as { added: number; errors: { message: string }[] };
          expect(body.added, `${probe.label}: ${text}`).toBe(0);
          expect(body.errors[0]?.message, probe.label).toMatch(/\w{3,}/);
          expect(await snapshot(), `${probe.label}: the database changed`).toEqual(before);
          return;
        }
        expect(res.status, `${probe.label} → ${res.status} ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${probe.label} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
        expect((JSON.parse(text) as { error?: { message?: string } }).error?.message, probe.label).toMatch(/\w{3,}/);
        expect(await snapshot(), `${probe.label}: the database changed`).toEqual(before);
      }),
      { numRuns: 80, examples: PROBES.map((p) => [p, 0] as [Probe, number]) },
    );
    expect(runs).toBeGreaterThanOrEqual(80);
  });
});
