// The authorization matrix over every API route of the app (a route added without a row here
// fails the coverage check): anonymous → 401, an admin of another workspace → 404 for anything of
// workspace A, an organiser → 403 on admin-only routes, the owner / admin → through. Also CSRF
// (a cross-site mutation is 403 and changes nothing) and the sign-in throttle.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture, meetingInput } from "../support/app-fixture";
import { discoverRoutes } from "../support/route-table";
import { Client, createPeople, type People, type Person, signedIn } from "./support/http-client";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../app");
const app = appFixture();
const lib = app.lib;
let people: People;
let as: { anonymous: Client; adminA: Client; organiserA: Client; adminB: Client };

type Ids = { meetingId: string; participantId: string; legId: string; recordingId: string };
type Row = {
  method: string;
  page: string;
  body?: unknown;
  admin?: boolean;
  ok?: number[];
  /** a 404 that comes from Sautikit, not from scoping */ providerNotFound?: RegExp;
};

const meeting = () => meetingInput({ title: "Matrix" });
const M = "/api/meetings/[meetingId]";
const GUEST_PHONE = "+254712000077";
// `ok`: what the authorised caller gets (defaults to any 2xx); a few need a live call to do more.
const ROWS: Row[] = [
  { method: "GET", page: "/api/meetings" },
  { method: "POST", page: "/api/meetings", body: meeting(), ok: [201] },
  { method: "GET", page: M },
  { method: "PATCH", page: M, body: meeting() },
  { method: "DELETE", page: M },
  { method: "PUT", page: `${M}/budget`, body: { budgetMinor: 5_000 } },
  { method: "POST", page: `${M}/call-everyone` },
  { method: "POST", page: `${M}/end`, ok: [200, 204, 409] },
  { method: "POST", page: `${M}/extend`, ok: [200, 409] },
  { method: "POST", page: `${M}/guests`, body: { name: "Guest", phone: GUEST_PHONE }, ok: [200, 201] },
  { method: "GET", page: `${M}/ics` },
  { method: "POST", page: `${M}/legs/[legId]/[command]`, ok: [200, 204, 409] },
  { method: "POST", page: `${M}/lock`, body: { locked: true }, ok: [200, 204, 409] },
  { method: "POST", page: `${M}/moderation`, body: { mode: "qa" }, ok: [200, 409] },
  { method: "POST", page: `${M}/participants`, body: { name: "Wanjiru", phone: "+254712000078" }, ok: [201] },
  { method: "POST", page: `${M}/participants/bulk`, body: { text: "Otieno, +254712000079" } },
  { method: "DELETE", page: `${M}/participants/[participantId]` },
  { method: "PATCH", page: `${M}/participants/[participantId]`, body: { role: "host" } },
  { method: "POST", page: `${M}/participants/[participantId]/dial`, ok: [200, 201, 202, 409, 503] },
  { method: "POST", page: `${M}/participants/[participantId]/listen-only`, ok: [200, 204, 409] },
  { method: "GET", page: `${M}/roster` },
  { method: "GET", page: `${M}/statement` },
  { method: "GET", page: `${M}/stream` },
  { method: "GET", page: "/api/recordings" },
  { method: "GET", page: "/api/recordings/[recordingId]" },
  { method: "DELETE", page: "/api/recordings/[recordingId]", admin: true, ok: [200, 204, 503] },
  {
    method: "GET",
    page: "/api/recordings/[recordingId]/audio",
    ok: [200, 202, 302, 404, 410, 503],
    providerNotFound: /^Sautikit has no recording/,
  },
  { method: "GET", page: "/api/admin/audit", admin: true },
  { method: "GET", page: "/api/admin/calls", admin: true, ok: [200, 503] },
  { method: "GET", page: "/api/admin/limits", admin: true },
  { method: "PUT", page: "/api/admin/limits", admin: true, body: { stopGraceMinutes: 10, maxMeetingMinutes: 180 } },
  { method: "GET", page: "/api/admin/retention", admin: true },
  { method: "PUT", page: "/api/admin/retention", admin: true, body: { retentionDays: 30 } },
  { method: "GET", page: "/api/admin/spend", admin: true },
  { method: "GET", page: "/api/admin/wallet", admin: true, ok: [200, 503] },
  { method: "GET", page: "/api/admin/webhooks", admin: true },
];
// Public by design: Auth.js itself, the health check, and Sautikit's signed webhooks (tested in webhook-forgery).
const PUBLIC = [/^\/api\/auth\//, /^\/api\/health$/, /^\/api\/sautikit\//];

beforeAll(async () => {
  people = await createPeople(lib.db);
  as = {
    anonymous: new Client(app.url),
    adminA: await signedIn(app.url, people.adminA),
    organiserA: await signedIn(app.url, people.organiserA),
    adminB: await signedIn(app.url, people.adminB),
  };
}, 120_000);

let seq = 0;
/** A meeting of `owner` with one participant, one ended leg and one recording. */
async function resources(owner: Person): Promise<Ids> {
  const n = ++seq;
  const m = await lib.db.meeting.create({
    data: {
      workspaceId: owner.workspaceId,
      organiserId: owner.userId,
      title: `Matrix ${n}`,
      startsAt: new Date(Date.now() + 3_600_000),
      roomName: `matrix-${n}-${Date.now()}`,
      pin: String(100000 + n),
      hostPin: String(900000 - n),
    },
  });
  const p = await lib.db.participant.create({
    data: {
      workspaceId: owner.workspaceId,
      meetingId: m.id,
      name: "Amina",
      phoneE164: `+2547120${String(n).padStart(5, "0")}`,
    },
  });
  // A guest's dial-in leg (no participant yet), so the participant has never been called and may be removed.
  const leg = await lib.db.leg.create({
    data: {
      workspaceId: owner.workspaceId,
      meetingId: m.id,
      direction: "inbound",
      fromE164: GUEST_PHONE,
      callId: `call-matrix-${n}`,
      state: "left",
    },
  });
  const rec = await lib.db.recording.create({
    data: { workspaceId: owner.workspaceId, meetingId: m.id, callId: `call-matrix-rec-${n}` },
  });
  return { meetingId: m.id, participantId: p.id, legId: leg.id, recordingId: rec.id };
}

function url(page: string, ids: Ids): string {
  return page
    .replace("[meetingId]", ids.meetingId)
    .replace("[participantId]", ids.participantId)
    .replace("[legId]", ids.legId)
    .replace("[command]", "mute")
    .replace("[recordingId]", ids.recordingId);
}

async function call(
  client: Client,
  row: Row,
  ids: Ids,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const init: RequestInit = { method: row.method, headers: { ...headers } };
  if (row.body !== undefined) {
    init.body = JSON.stringify(row.body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const res = await client.fetch(url(row.page, ids), init);
  // Status and a short body for the messages; a stream is only opened, then closed.
  const text = row.page.endsWith("/stream") && res.ok ? (await res.body?.cancel(), "") : await res.text();
  return { status: res.status, text };
}

const label = (r: Row) => `${r.method} ${r.page}`;

describe("authorization matrix", () => {
  it("covers every API route the app has", () => {
    const pages = discoverRoutes(appDir)
      .map((r) => r.page.replace(/\/route$/, ""))
      .filter((p) => p.startsWith("/api/") && !PUBLIC.some((re) => re.test(p)));
    expect(new Set(pages)).toEqual(new Set(ROWS.map((r) => r.page)));
  });

  it.each(ROWS)("$method $page", async (row) => {
    const a = await resources(people.adminA);
    const own = await resources(people.organiserA);

    const anon = await call(as.anonymous, row, a);
    expect(anon.status, `anonymous ${label(row)}`).toBe(401);

    if (row.page.includes("[")) {
      const other = await call(as.adminB, row, a);
      expect(other.status, `admin of another workspace ${label(row)}: ${other.text}`).toBe(404);
    }

    const organiser = await call(as.organiserA, row, own);
    if (row.admin) expect(organiser.status, `organiser ${label(row)}`).toBe(403);
    else
      expect(
        allowed(row, organiser),
        `organiser on own meeting ${label(row)}: ${organiser.status} ${organiser.text}`,
      ).toBe(true);

    const admin = await call(as.adminA, row, await resources(people.adminA));
    expect(allowed(row, admin), `admin ${label(row)}: ${admin.status} ${admin.text}`).toBe(true);
  });
});

function allowed(row: Row, res: { status: number; text: string }): boolean {
  if (res.status === 404) {
    const message = (JSON.parse(res.text) as { error?: { message?: string } }).error?.message ?? "";
    return !!row.providerNotFound?.test(message) && !!row.ok?.includes(404);
  }
  return row.ok ? row.ok.includes(res.status) : res.status >= 200 && res.status < 300;
}

describe("CSRF", () => {
  it.each(ROWS.filter((r) => r.method !== "GET"))(
    "a cross-site $method $page is 403 and changes nothing",
    async (row) => {
      const ids = await resources(people.adminA);
      const before = await state(ids);
      const forged: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { origin: "null" },
        { origin: "", "sec-fetch-site": "cross-site" },
      ];
      for (const headers of forged) {
        const res = await call(as.adminA, row, ids, headers);
        expect(res.status, `${label(row)} with ${JSON.stringify(headers)}`).toBe(403);
      }
      expect(await state(ids)).toEqual(before);
    },
  );
});

async function state(ids: Ids) {
  const [meetings, m, participants, legs, recordings, audit, ws] = await Promise.all([
    lib.db.meeting.count(),
    lib.db.meeting.findUnique({ where: { id: ids.meetingId } }),
    lib.db.participant.count(),
    lib.db.leg.findMany({ where: { meetingId: ids.meetingId }, select: { state: true, muted: true } }),
    lib.db.recording.findMany({ where: { meetingId: ids.meetingId }, select: { deletedAt: true } }),
    lib.db.auditLog.count(),
    lib.db.workspace.findUnique({ where: { id: people.adminA.workspaceId }, select: { retentionDays: true } }),
  ]);
  return { meetings, m, participants, legs, recordings, audit, ws };
}

describe("sign-in throttle", () => {
  it("after five wrong passwords even the right one is refused until the window passes", async () => {
    const victim = people.adminB;
    for (let i = 0; i < 5; i++) {
      const res = await new Client(app.url).signIn(victim.email, `wrong-${i}`);
      expect(res.headers.get("location")).toMatch(/error=CredentialsSignin&code=credentials/);
    }
    const blocked = await new Client(app.url).signIn(victim.email, victim.password);
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("location")).toMatch(/code=rate_limited/);
    expect(blocked.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
    // Another account from the same client is not locked by it.
    const other = await new Client(app.url).signIn(people.organiserA.email, people.organiserA.password);
    expect(other.headers.get("location")).toMatch(/\/meetings$/);
  });
});
