// Tenancy and sessions on a real database: users sign in through the app's real Auth.js endpoints
// over HTTP, and a user of workspace B gets 404 (never data, never a change) for workspace A's
// members, invites, resets and meetings, whatever ids or workspace cookie they send.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "./support/app-fixture";
import { Client } from "./reliability/support/http-client";
import type { Actor } from "@/lib/auth/actor";

type Db = typeof import("@/lib/db").db;

const fixtureApp = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/tenancy-app");

/** Redirect target without the origin (Next's request URL spells 127.0.0.1 as localhost). */
function pathOf(res: Response): string {
  const url = new URL(res.headers.get("location") ?? "", "http://x");
  return `${url.pathname}${url.search}`;
}

const PASSWORD_A = "alpha-password-1";
const PASSWORD_B = "bravo-password-1";
let actorA: Actor;
let actorB: Actor;
let meetingA: string;
let inviteA: string;
let membershipA: string;
let organiserA: { email: string; membershipId: string };

async function actorFor(db: Db, email: string): Promise<Actor> {
  const membership = await db.membership.findFirstOrThrow({
    where: { user: { email } },
    include: { user: true, workspace: true },
  });
  return {
    userId: membership.userId,
    email,
    name: membership.user.name,
    workspaceId: membership.workspaceId,
    workspaceName: membership.workspace.name,
    role: membership.role,
  };
}

describe("probe routes (session, workspace cookie, member removal)", () => {
  // The probe app's routes; the per-address sign-in limit below is told the address by
  // X-Forwarded-For, as behind a proxy.
  const app = appFixture({
    appDir: fixtureApp,
    env: { TRUST_PROXY: "true" },
    modules: () => [
      import("@/lib/workspaces/sign-up"),
      import("@/lib/workspaces/change-member"),
      import("@/lib/workspaces/invites"),
      import("@/lib/workspaces/list-members"),
      import("@/lib/workspaces/switch-workspace"),
      import("@/lib/auth/password-reset"),
      import("@/lib/meetings/list-meetings"),
      import("@/lib/meetings/cancel-meeting"),
    ],
  });
  const m = app.lib;

  beforeAll(async () => {
    await m.signUp({ name: "Alpha Admin", email: "admin@alpha.test", password: PASSWORD_A, workspaceName: "Alpha" });
    await m.signUp({ name: "Bravo Admin", email: "admin@bravo.test", password: PASSWORD_B, workspaceName: "Bravo" });
    actorA = await actorFor(m.db, "admin@alpha.test");
    actorB = await actorFor(m.db, "admin@bravo.test");
    membershipA = (await m.db.membership.findFirstOrThrow({ where: { userId: actorA.userId } })).id;

    const organiser = await m.db.user.create({
      data: {
        name: "Alpha Organiser",
        email: "organiser@alpha.test",
        passwordHash: await (await import("@/lib/auth/password")).hashPassword("organiser-pass-1"),
      },
    });
    const orgMembership = await m.db.membership.create({
      data: { userId: organiser.id, workspaceId: actorA.workspaceId, role: "organiser" },
    });
    organiserA = { email: organiser.email, membershipId: orgMembership.id };

    inviteA = (await m.createInvite(actorA, { email: "guest@alpha.test", role: "organiser" })).invite.id;
    meetingA = (
      await m.db.meeting.create({
        data: {
          workspaceId: actorA.workspaceId,
          organiserId: actorA.userId,
          title: "Alpha board call",
          startsAt: new Date(Date.now() + 3_600_000),
          roomName: `alpha-${Date.now()}`,
          pin: "123456",
          hostPin: "654321",
        },
      })
    ).id;
  }, 120_000);

  describe("signing in over HTTP", () => {
    it("issues a session that resolves to the user's own workspace", async () => {
      const a = new Client(app.url);
      const res = await a.signIn("admin@alpha.test", PASSWORD_A);
      expect(res.status).toBe(302);
      expect(pathOf(res)).toBe("/meetings");
      const me = await a.fetch("/api/me");
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        userId: actorA.userId,
        workspaceId: actorA.workspaceId,
        workspaceName: "Alpha",
        role: "admin",
      });
    });

    it("answers an unknown email exactly like a wrong password", async () => {
      const wrong = await new Client(app.url).signIn("admin@alpha.test", "not-the-password");
      const unknown = await new Client(app.url).signIn("nobody@alpha.test", "not-the-password");
      expect(wrong.status).toBe(302);
      expect(pathOf(wrong)).toBe("/sign-in?error=CredentialsSignin&code=credentials");
      expect(unknown.headers.get("location")).toBe(wrong.headers.get("location"));
      expect(wrong.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
    });

    it("rejects requests without a session with 401", async () => {
      const res = await new Client(app.url).fetch("/api/me");
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("workspace B cannot reach workspace A", () => {
    let b: Client;
    let a: Client;
    beforeAll(async () => {
      b = new Client(app.url);
      a = new Client(app.url);
      expect((await b.signIn("admin@bravo.test", PASSWORD_B)).status).toBe(302);
      expect((await a.signIn("admin@alpha.test", PASSWORD_A)).status).toBe(302);
    });

    it("gets 404 for A's meeting over HTTP, while A gets it", async () => {
      const asB = await b.fetch(`/api/meetings/${meetingA}`);
      expect(asB.status).toBe(404);
      const body = (await asB.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("NOT_FOUND");
      expect(JSON.stringify(body)).not.toContain("Alpha board call");
      const asA = await a.fetch(`/api/meetings/${meetingA}`);
      expect(asA.status).toBe(200);
      expect(await asA.json()).toMatchObject({ id: meetingA, title: "Alpha board call" });
    });

    it("cannot select A's workspace through the workspace cookie", async () => {
      b.setCookie("mkutano_ws", actorA.workspaceId);
      const me = (await (await b.fetch("/api/me")).json()) as Actor;
      expect(me.workspaceId).toBe(actorB.workspaceId);
      expect((await b.fetch(`/api/meetings/${meetingA}`)).status).toBe(404);
      await expect(m.assertMembership(actorB.userId, actorA.workspaceId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("gets 404 removing A's member over HTTP, and the member stays", async () => {
      const res = await b.fetch(`/api/members/${organiserA.membershipId}`, {
        method: "DELETE",
        headers: { origin: app.url },
      });
      expect(res.status).toBe(404);
      expect(await m.db.membership.count({ where: { id: organiserA.membershipId } })).toBe(1);
    });

    it("gets NOT_FOUND from every member, invite and reset operation on A's ids, and nothing changes", async () => {
      await expect(m.changeMemberRole(actorB, membershipA, "organiser")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(m.removeMember(actorB, organiserA.membershipId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(m.revokeInvite(actorB, inviteA)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(m.issuePasswordReset(actorB, membershipA)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(m.cancelMeeting(actorB, meetingA)).rejects.toMatchObject({ code: "NOT_FOUND" });

      expect((await m.db.membership.findUniqueOrThrow({ where: { id: membershipA } })).role).toBe("admin");
      expect((await m.db.invite.findUniqueOrThrow({ where: { id: inviteA } })).revokedAt).toBeNull();
      expect(await m.db.passwordReset.count()).toBe(0);
      expect((await m.db.meeting.findUniqueOrThrow({ where: { id: meetingA } })).status).toBe("scheduled");
    });

    it("lists only its own members, invites and meetings", async () => {
      expect((await m.listMembers(actorB)).map((x) => x.email)).toEqual(["admin@bravo.test"]);
      expect(await m.listPendingInvites(actorB)).toEqual([]);
      const meetings = await m.listMeetings(actorB);
      expect([...meetings.upcoming, ...meetings.past]).toEqual([]);
      expect((await m.listMembers(actorA)).map((x) => x.email).sort()).toEqual([
        "admin@alpha.test",
        "organiser@alpha.test",
      ]);
    });
  });

  describe("roles and request checks", () => {
    it("refuses admin routes to an organiser with 403", async () => {
      const o = new Client(app.url);
      expect((await o.signIn(organiserA.email, "organiser-pass-1")).status).toBe(302);
      const res = await o.fetch(`/api/members/${membershipA}`, { method: "DELETE" });
      expect(res.status).toBe(403);
      expect(await m.db.membership.count({ where: { id: membershipA } })).toBe(1);
    });

    it("refuses a cross-site mutation even with a valid session", async () => {
      const a = new Client(app.url);
      await a.signIn("admin@alpha.test", PASSWORD_A);
      const res = await a.fetch(`/api/members/${organiserA.membershipId}`, {
        method: "DELETE",
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(res.status).toBe(403);
      expect(await m.db.membership.count({ where: { id: organiserA.membershipId } })).toBe(1);
    });

    it("never removes the last admin", async () => {
      await expect(m.removeMember(actorA, membershipA)).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(m.changeMemberRole(actorA, membershipA, "organiser")).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await m.db.membership.findUniqueOrThrow({ where: { id: membershipA } })).role).toBe("admin");
    });
  });

  describe("throttling and password resets", () => {
    it("locks an account after 5 failures, even for the right password", async () => {
      await m.signUp({
        name: "Charlie",
        email: "admin@charlie.test",
        password: "charlie-password-1",
        workspaceName: "Charlie",
      });
      const c = new Client(app.url);
      for (let i = 0; i < 5; i++) {
        expect((await c.signIn("admin@charlie.test", `wrong-${i}`)).headers.get("location")).toContain(
          "code=credentials",
        );
      }
      const locked = await c.signIn("admin@charlie.test", "charlie-password-1");
      expect(locked.headers.get("location")).toContain("code=rate_limited");
      expect((await c.fetch("/api/me")).status).toBe(401);
    });

    it("limits one client address to 20 failures across accounts", async () => {
      const c = new Client(app.url);
      const from = { "x-forwarded-for": "198.51.100.7" };
      for (let i = 0; i < 20; i++) {
        expect(pathOf(await c.signIn(`someone-${i}@spray.test`, "guess-1", from))).toContain("code=credentials");
      }
      expect(pathOf(await c.signIn("admin@bravo.test", PASSWORD_B, from))).toContain("code=rate_limited");
      // Another address is unaffected.
      expect(pathOf(await c.signIn("admin@bravo.test", PASSWORD_B, { "x-forwarded-for": "198.51.100.8" }))).toBe(
        "/meetings",
      );
    });

    it("a reset link works once and ends existing sessions", async () => {
      const o = new Client(app.url);
      expect((await o.signIn(organiserA.email, "organiser-pass-1")).status).toBe(302);
      expect((await o.fetch("/api/me")).status).toBe(200);

      const issued = await m.issuePasswordReset(actorA, organiserA.membershipId);
      if (issued.kind !== "link") throw new Error(`expected a link, got ${issued.kind}`);
      const { url } = issued;
      const token = url.split("/reset-password/")[1]!;
      await m.resetPassword(token, { password: "brand-new-pass-2", confirm: "brand-new-pass-2" });
      await expect(
        m.resetPassword(token, { password: "another-pass-3", confirm: "another-pass-3" }),
      ).rejects.toMatchObject({ code: "CONFLICT" });

      expect((await o.fetch("/api/me")).status).toBe(401);
      expect(
        (await new Client(app.url).signIn(organiserA.email, "organiser-pass-1")).headers.get("location"),
      ).toContain("error=");
      const fresh = new Client(app.url);
      expect(pathOf(await fresh.signIn(organiserA.email, "brand-new-pass-2"))).toBe("/meetings");
    });
  });
});

// The same guarantee through the app's real meeting routes: B's session gets 404 for A's meeting
// on every verb, and A's own session (the positive control) gets it, so a missing route can't pass.
describe("the app's meeting routes", () => {
  // The per-address limit below is told the address by X-Forwarded-For, as behind a proxy.
  const real = appFixture({ env: { TRUST_PROXY: "true" } });
  let meetingId: string;
  let a: Client;
  let b: Client;

  beforeAll(async () => {
    const { signUp } = await import("@/lib/workspaces/sign-up");
    const { db } = real.lib;
    const { workspaceId, userId } = await signUp({
      name: "Ada",
      email: "ada@alpha.test",
      password: PASSWORD_A,
      workspaceName: "Alpha",
    });
    await signUp({ name: "Ben", email: "ben@bravo.test", password: PASSWORD_B, workspaceName: "Bravo" });
    meetingId = (
      await db.meeting.create({
        data: {
          workspaceId,
          organiserId: userId,
          title: "Alpha budget",
          startsAt: new Date(Date.now() + 86_400_000),
          roomName: `alpha-real-${Date.now()}`,
          pin: "246810",
          hostPin: "135791",
        },
      })
    ).id;
    a = new Client(real.url);
    b = new Client(real.url);
    expect(pathOf(await a.signIn("ada@alpha.test", PASSWORD_A))).toBe("/meetings");
    expect(pathOf(await b.signIn("ben@bravo.test", PASSWORD_B))).toBe("/meetings");
  }, 120_000);

  it("A reads its own meeting", async () => {
    const res = await a.fetch(`/api/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain("Alpha budget");
  });

  it.each([
    ["GET", `/api/meetings/:id`],
    ["DELETE", `/api/meetings/:id`],
    ["GET", `/api/meetings/:id/roster`],
    ["GET", `/api/meetings/:id/ics`],
    ["POST", `/api/meetings/:id/call-everyone`],
    ["POST", `/api/meetings/:id/end`],
  ])("B gets 404 for %s %s on A's meeting", async (method, template) => {
    const res = await b.fetch(template.replace(":id", meetingId), {
      method,
      headers: { origin: real.url, "content-type": "application/json" },
      body: method === "GET" ? undefined : "{}",
    });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).toContain("NOT_FOUND");
    // The adapter's own 404 for a path with no route file would prove nothing.
    expect(text).not.toContain("no route for");
    expect(text).not.toContain("Alpha budget");
  });

  it("left A's meeting untouched", async () => {
    const res = await a.fetch(`/api/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    expect(body).toContain("Alpha budget");
    expect(body).not.toMatch(/"status":"(cancelled|ended)"/);
  });
});
