// The live roster stream over real HTTP re-authorizes: a member removed from the workspace, or a
// user who signs out, stops receiving the roster on the next change (`event: denied`, stream
// closed) instead of watching it for as long as the connection lasts; and one user can hold only
// a few streams of one meeting. (Timing rules — 30 s re-checks, lifetime, shared reads — are
// unit-tested with fake timers in tests/unit/roster/roster-stream.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { type Client, createPeople, type People, signedIn } from "../reliability/support/http-client";
import { makeUntil } from "@/tests/support/until";

const app = appFixture();
const m = app.lib;
let bus: typeof import("@/lib/roster/roster-bus");
let people: People;
const until = makeUntil({ timeoutMs: 15_000, intervalMs: 25 });

beforeAll(async () => {
  bus = await import("@/lib/roster/roster-bus");
  people = await createPeople(m.db);
}, 120_000);
afterAll(async () => {
  await bus?.closeRosterBus();
});

async function newMeeting(workspaceId: string, organiserId: string): Promise<string> {
  const meeting = await m.db.meeting.create({
    data: {
      workspaceId,
      organiserId,
      title: "Stream check",
      startsAt: new Date(Date.now() + 3_600_000),
      roomName: `stream-${crypto.randomUUID()}`,
      pin: "112233",
      hostPin: "332211",
    },
  });
  return meeting.id;
}

/** An open SSE connection, its events parsed as they arrive. */
async function openStream(client: Client, meetingId: string) {
  const controller = new AbortController();
  const res = await client.fetch(`/api/meetings/${meetingId}/stream`, { signal: controller.signal });
  const state = { status: res.status, headers: res.headers, events: [] as string[], ended: false, body: "" };
  if (res.status !== 200) {
    state.body = await res.text();
    return { ...state, close: () => undefined };
  }
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const name = /^event: (.+)$/m.exec(frame)?.[1];
          if (name) state.events.push(name);
        }
      }
    } catch {
      // aborted by the test
    }
    state.ended = true;
  })();
  return Object.assign(state, { close: () => controller.abort() });
}

/** A change to the meeting that every stream should hear about. */
async function changeMeeting(meetingId: string, title: string) {
  await m.db.meeting.update({ where: { id: meetingId }, data: { title } });
  bus.notifyRosterChanged(meetingId);
}

describe("the live roster stream", () => {
  it("keeps the SSE headers", async () => {
    const admin = await signedIn(app.url, people.adminA);
    const s = await openStream(admin, await newMeeting(people.adminA.workspaceId, people.adminA.userId));
    expect(s.status).toBe(200);
    expect(s.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(s.headers.get("content-type")).toContain("text/event-stream");
    await until("the first roster", () => s.events.includes("roster"));
    s.close();
  });

  // Two ways to lose access while a stream is open; either way the stream ends at the next change.
  it.each<[string, (who: { organiser: Client; solo: People }) => Promise<void>]>([
    [
      "ends a removed member's stream on the next change instead of pushing it",
      async ({ solo }) => {
        const { removeMember } = await import("@/lib/workspaces/change-member");
        const membership = await m.db.membership.findUniqueOrThrow({
          where: { userId_workspaceId: { userId: solo.organiserA.userId, workspaceId: solo.adminA.workspaceId } },
        });
        await removeMember(solo.adminA, membership.id);
      },
    ],
    [
      "ends the streams of a user who signs out, on the next change",
      async ({ organiser }) => {
        const { csrfToken } = (await (await organiser.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
        await organiser.fetch("/api/auth/signout", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken }),
        });
      },
    ],
  ])("%s", async (_label, loseAccess) => {
    const solo = await createPeople(m.db);
    // Organisers see their own meetings.
    const meetingId = await newMeeting(solo.adminA.workspaceId, solo.organiserA.userId);
    const organiser = await signedIn(app.url, solo.organiserA);
    const admin = await signedIn(app.url, solo.adminA);
    const theirs = await openStream(organiser, meetingId);
    const control = await openStream(admin, meetingId);
    await until("both first rosters", () => theirs.events.includes("roster") && control.events.includes("roster"));

    await loseAccess({ organiser, solo });
    await changeMeeting(meetingId, "After losing access");

    await until("the admin's push", () => control.events.filter((e) => e === "roster").length === 2);
    await until("the stream to end", () => theirs.ended);
    expect(theirs.events).toEqual(["roster", "denied"]);
    control.close();
  });

  it("lets one user hold at most four streams of a meeting; the fifth gets 429", async () => {
    const admin = await signedIn(app.url, people.adminB);
    const meetingId = await newMeeting(people.adminB.workspaceId, people.adminB.userId);
    const open = [];
    for (let i = 0; i < 4; i++) open.push(await openStream(admin, meetingId));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const fifth = await openStream(admin, meetingId);
    expect(fifth.status).toBe(429);
    expect(JSON.parse(fifth.body)).toMatchObject({ error: { code: "RATE_LIMITED" } });
    // Closing one frees a place.
    open[0]!.close();
    await until("a place to free up", async () => {
      const again = await openStream(admin, meetingId);
      if (again.status === 200) open.push(again);
      return again.status === 200;
    });
    for (const s of open) s.close();
  });
});
