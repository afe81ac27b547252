// Sessions end on the server: a cookie captured from a signed-in browser is replayed over HTTP
// after sign-out, a password change or reset, and removal from a workspace, and stops working
// each time. Idle and absolute limits are checked by ageing the session row. Sign-in redirects
// (`next` and Auth.js's callbackUrl) never leave the site.
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { Client, createPeople, type People, signedIn } from "../reliability/support/http-client";
import { form, runAction } from "./support/run-action";

const app = appFixture({ env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" } });
const m = app.lib;
let limits: typeof import("@/lib/auth/session-limits");
let people: People;

beforeAll(async () => {
  limits = await import("@/lib/auth/session-limits");
  people = await createPeople(m.db);
}, 120_000);

/** One request with exactly this Cookie header, as an attacker replaying a stolen cookie would. */
async function replay(cookie: string, path = "/api/meetings"): Promise<number> {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
  await res.body?.cancel();
  return res.status;
}

async function fresh(who: People[keyof People]): Promise<{ client: Client; cookie: string }> {
  const client = await signedIn(app.url, who);
  const cookie = client.cookieHeader();
  expect(await replay(cookie)).toBe(200);
  return { client, cookie };
}

async function sessionIdOf(cookie: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/session`, { headers: { cookie } });
  const body = (await res.json()) as { sid?: string };
  expect(body.sid).toBeTruthy();
  return body.sid!;
}

describe("a copied session cookie stops working", () => {
  it("after sign-out through Auth.js's endpoint, on every device of that user", async () => {
    const phone = await fresh(people.adminB);
    const laptop = await fresh(people.adminB);
    const { csrfToken } = (await (await laptop.client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await laptop.client.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in" }),
    });
    expect(out.status).toBe(302);
    expect(await replay(laptop.cookie)).toBe(401);
    expect(await replay(phone.cookie)).toBe(401);
    // Signing in again works.
    await fresh(people.adminB);
  });

  it("after sign-out from the app's menu (the server action), and after 'Sign out everywhere'", async () => {
    const { signOutAction } = await import("@/lib/auth/session-actions");
    const other = await fresh(people.adminA);
    const mine = await fresh(people.adminA);
    const out = await runAction(app.url, "/profile", mine.cookie, () => signOutAction(form({})));
    expect(out.status).toBe(307);
    expect(new URL(out.location!, app.url).pathname).toBe("/sign-in");
    expect(await replay(mine.cookie)).toBe(401);
    expect(await replay(other.cookie)).toBe(401);
    // A replayed cookie cannot run server actions either.
    const again = await runAction(app.url, "/profile", mine.cookie, async () =>
      (await import("@/lib/auth/actor")).getSessionUser(),
    );
    expect(again.state).toBeNull();
  });

  it("after a password change on the profile page; the new session works, a wrong current password changes nothing", async () => {
    const { changePasswordAction } = await import("@/app/(app)/profile/actions");
    const who = people.organiserA;
    const other = await fresh(who);
    const mine = await fresh(who);

    const wrong = await runAction(app.url, "/profile", mine.cookie, () =>
      changePasswordAction(
        {},
        form({ current: "not-my-password", password: "a-new-password-1", confirm: "a-new-password-1" }),
      ),
    );
    expect(wrong.state?.fieldErrors?.current).toMatch(/not right/);
    expect(await replay(other.cookie)).toBe(200);

    const next = "a-new-password-1";
    const changed = await runAction(app.url, "/profile", mine.cookie, () =>
      changePasswordAction({}, form({ current: who.password, password: next, confirm: next })),
    );
    expect([303, 307]).toContain(changed.status);
    expect(changed.location).toContain("/profile?password=changed");
    expect(await replay(other.cookie)).toBe(401);
    expect(await replay(mine.cookie)).toBe(401);
    // The action signed this browser in again with a new session cookie.
    const newCookie = changed.setCookies
      .map((c) => c.split(";")[0]!)
      .filter((c) => c.startsWith("authjs.session-token="))
      .join("; ");
    expect(newCookie).not.toBe("");
    expect(await replay(newCookie)).toBe(200);
    who.password = next;
  });

  it("after a password reset", async () => {
    const { issuePasswordReset, resetPassword } = await import("@/lib/auth/password-reset");
    const solo = await createPeople(m.db);
    const who = solo.organiserA;
    const victim = await fresh(who);
    const admin = {
      userId: solo.adminA.userId,
      email: solo.adminA.email,
      name: "A",
      workspaceId: solo.adminA.workspaceId,
      workspaceName: "Alpha",
      role: "admin" as const,
    };
    const membership = await m.db.membership.findUniqueOrThrow({
      where: { userId_workspaceId: { userId: who.userId, workspaceId: who.workspaceId } },
    });
    const issued = await issuePasswordReset(admin, membership.id);
    if (issued.kind !== "link") throw new Error(`expected a link, got ${issued.kind}`);
    await resetPassword(issued.url.split("/reset-password/")[1]!, {
      password: "reset-password-9",
      confirm: "reset-password-9",
    });
    expect(await replay(victim.cookie)).toBe(401);
  });

  it("after removal from a workspace — for that workspace at once, and for the user's other workspaces too", async () => {
    const { removeMemberAction } = await import("@/app/(app)/settings/members/actions");
    const solo = await createPeople(m.db);
    // The organiser of A also belongs to B.
    await m.db.membership.create({
      data: { userId: solo.organiserA.userId, workspaceId: solo.adminB.workspaceId, role: "organiser" },
    });
    const victim = await fresh(solo.organiserA);
    const adminA = await fresh(solo.adminA);
    const membership = await m.db.membership.findUniqueOrThrow({
      where: { userId_workspaceId: { userId: solo.organiserA.userId, workspaceId: solo.adminA.workspaceId } },
    });
    const out = await runAction(app.url, "/settings/members", adminA.cookie, () =>
      removeMemberAction({}, form({ membershipId: membership.id })),
    );
    expect(out.state).toMatchObject({ ok: true });
    expect(await replay(victim.cookie)).toBe(401);
    expect(await replay(`${victim.cookie}; mkutano_ws=${solo.adminB.workspaceId}`)).toBe(401);
    // They can sign in again and reach B only.
    const back = await fresh(solo.organiserA);
    const me = (await (await back.client.fetch("/api/meetings")).json()) as unknown;
    expect(me).toBeTruthy();
    expect(await m.db.membership.count({ where: { userId: solo.organiserA.userId } })).toBe(1);
  });
});

describe("sliding expiry", () => {
  it("slides the idle window on use, ends a session idle past the limit, and ends any session at the absolute limit", async () => {
    const idle = await fresh(people.adminA);
    const sid = await sessionIdOf(idle.cookie);
    const now = Date.now();

    // Used a day short of the idle limit: still valid, and the use moves lastSeenAt forward.
    await m.db.userSession.update({
      where: { id: sid },
      data: { lastSeenAt: new Date(now - limits.SESSION_IDLE_MS + 86_400_000) },
    });
    expect(await replay(idle.cookie)).toBe(200);
    expect(
      (await m.db.userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime(),
    ).toBeGreaterThanOrEqual(now - 5_000);

    // Idle for the whole limit: ended.
    await m.db.userSession.update({
      where: { id: sid },
      data: { lastSeenAt: new Date(now - limits.SESSION_IDLE_MS - 1_000) },
    });
    expect(await replay(idle.cookie)).toBe(401);

    // In constant use but signed in longer ago than the absolute limit: ended.
    const busy = await fresh(people.adminA);
    const busySid = await sessionIdOf(busy.cookie);
    await m.db.userSession.update({
      where: { id: busySid },
      data: { createdAt: new Date(now - limits.SESSION_ABSOLUTE_MS - 1_000), lastSeenAt: new Date(now) },
    });
    expect(await replay(busy.cookie)).toBe(401);
  });

  it("keeps the cookie no longer than the absolute limit", async () => {
    const res = await new Client(app.url).signIn(people.adminA.email, people.adminA.password);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="))!;
    const expires = Date.parse(/expires=([^;]+)/i.exec(cookie)![1]!);
    expect(expires - Date.now()).toBeLessThanOrEqual(limits.SESSION_ABSOLUTE_MS + 60_000);
    expect(expires - Date.now()).toBeGreaterThan(limits.SESSION_ABSOLUTE_MS - 60_000);
  });
});

describe("sign-in redirects stay on the site", () => {
  const hostile = [
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/a/..//evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "/%2f%2fevil.example",
    "/%5cevil.example",
    "javascript:alert(1)",
    "https://evil.example/",
  ];

  it.each(hostile)("the sign-in form's next=%s lands on /meetings", async (next) => {
    const { signInAction } = await import("@/app/(auth)/actions");
    const out = await runAction(app.url, "/sign-in", "", () =>
      signInAction({}, form({ email: people.adminB.email, password: people.adminB.password, next })),
    );
    expect(out.location).not.toBeNull();
    const target = new URL(out.location!, app.url);
    expect(target.origin).toBe(app.url);
    expect(target.pathname).toBe("/meetings");
    expect(out.location!.startsWith("//")).toBe(false);
  });

  it.each(hostile)("Auth.js's callbackUrl=%s lands on /meetings", async (callbackUrl) => {
    const res = await new Client(app.url).signIn(people.adminB.email, people.adminB.password, {}, callbackUrl);
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get("location")!, app.url);
    // Next's request URL spells 127.0.0.1 as localhost; the port pins it to this app.
    expect(["127.0.0.1", "localhost"]).toContain(target.hostname);
    expect(target.port).toBe(new URL(app.url).port);
    expect(target.pathname).toBe("/meetings");
  });

  it("keeps a same-site next", async () => {
    const { signInAction } = await import("@/app/(auth)/actions");
    const out = await runAction(app.url, "/sign-in", "", () =>
      signInAction(
        {},
        form({ email: people.adminB.email, password: people.adminB.password, next: "/settings/members" }),
      ),
    );
    expect(new URL(out.location!, app.url).pathname).toBe("/settings/members");
  });
});
