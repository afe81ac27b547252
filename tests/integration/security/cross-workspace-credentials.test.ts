// Credentials never cross workspaces. An admin of workspace E must not obtain a reset link (or any
// other credential) for an account that also belongs to workspace V: the account is global, so the
// link would open V too. Such resets go to the person's own inbox (SMTP set) or are refused with a
// pointer to "Forgot password"; a link issued while the account was E's alone stops working once it
// joins V. "Forgot password" answers the same for known and unknown emails, and the invite page
// never tells a visitor whether the invited email has an account. Real server actions run in a Next
// request context over the real database; mail goes to a real SMTP listener.
import type { ReactNode } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { appFixture } from "../support/app-fixture";
import { readableMail, smtpSinkFixture } from "../support/smtp-sink";
import { createPeople, type People, type Person, signedIn } from "../reliability/support/http-client";
import { form, runAction } from "./support/run-action";
import { until } from "@/tests/support/until";

/** Server-renders a page to HTML, waiting for its async parts (the i18n wrappers load messages). */
async function renderHtml(element: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  // Streaming puts empty comments between adjacent text nodes; they are not content.
  return html.replaceAll("<!-- -->", "");
}

// next-intl's server API needs the react-server build of React, which this tier does not load (it
// also renders pages with react-dom/server). Its request config (i18n/request.ts) resolves the
// locale and loads the same catalogs; this does exactly that, so pages and actions render the
// real messages of the request's language.
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/translator");
  const { resolveLocale } = await import("@/lib/i18n/resolve-locale");
  return {
    getTranslations: async (namespace: Parameters<typeof translatorFor>[1]) =>
      translatorFor(await resolveLocale(), namespace),
  };
});

type Db = typeof import("@/lib/db").db;

function actorOf(p: Person, name: string): Actor {
  return { userId: p.userId, email: p.email, name, workspaceId: p.workspaceId, workspaceName: name, role: "admin" };
}

async function membershipId(db: Db, userId: string, workspaceId: string): Promise<string> {
  return (await db.membership.findUniqueOrThrow({ where: { userId_workspaceId: { userId, workspaceId } } })).id;
}

/** The victim (admin of B) also joins A as an organiser: A's admin is the would-be attacker. */
async function victimInBoth(db: Db, people: People): Promise<string> {
  await db.membership.create({
    data: { userId: people.adminB.userId, workspaceId: people.adminA.workspaceId, role: "organiser" },
  });
  return membershipId(db, people.adminB.userId, people.adminA.workspaceId);
}

/**
 * A's admin asks the members page for a reset of B's admin, who has just joined A too. Whatever the
 * answer, it never carries the reset link itself; returns the action's state.
 */
async function resetOfSharedAccount(base: string, db: Db, people: People) {
  const { issueResetAction } = await import("@/app/(app)/settings/members/actions");
  const target = await victimInBoth(db, people);
  const attacker = await signedIn(base, people.adminA);
  const out = await runAction(base, "/settings/members", attacker.cookieHeader(), () =>
    issueResetAction({}, form({ membershipId: target })),
  );
  expect(JSON.stringify(out.state)).not.toMatch(/reset-password/);
  return out.state;
}

async function canSignIn(base: string, who: Person): Promise<boolean> {
  return signedIn(base, who).then(
    () => true,
    () => false,
  );
}

// next build inlines this from next.config's experimental.authInterrupts; forbidden() checks it.
const AUTH_INTERRUPTS = { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" };

describe("without SMTP", () => {
  const app = appFixture({ env: AUTH_INTERRUPTS });
  let db: Db;
  let people: People;
  beforeAll(async () => {
    db = app.lib.db;
    people = await app.people();
  });

  it("gives an admin no reset link for a member who also belongs to another workspace, and issues nothing", async () => {
    expect(await resetOfSharedAccount(app.url, db, people)).toMatchObject({
      ok: true,
      result: { kind: "self-service", email: people.adminB.email },
    });
    expect(await db.passwordReset.count({ where: { userId: people.adminB.userId } })).toBe(0);
    // The victim's account is untouched: same password, sessions alive.
    expect(await canSignIn(app.url, people.adminB)).toBe(true);
  });

  it("still gives the link for an account that belongs to this workspace alone, and it works", async () => {
    const { issueResetAction } = await import("@/app/(app)/settings/members/actions");
    const { resetPassword } = await import("@/lib/auth/password-reset");
    const solo = await createPeople(db);
    const admin = await signedIn(app.url, solo.adminA);
    const target = await membershipId(db, solo.organiserA.userId, solo.adminA.workspaceId);
    const out = await runAction(app.url, "/settings/members", admin.cookieHeader(), () =>
      issueResetAction({}, form({ membershipId: target })),
    );
    expect(out.state).toMatchObject({ ok: true, result: { kind: "link", emailed: false } });
    const token = String(out.state!.result!.url).split("/reset-password/")[1]!;
    await resetPassword(token, { password: "solo-new-password", confirm: "solo-new-password" });
    expect(await canSignIn(app.url, { ...solo.organiserA, password: "solo-new-password" })).toBe(true);
  });

  it("voids a link issued while the account was this workspace's alone once it joins another", async () => {
    const { issuePasswordReset, getPasswordReset, resetPassword } = await import("@/lib/auth/password-reset");
    const solo = await createPeople(db);
    const issued = await issuePasswordReset(
      actorOf(solo.adminA, "Alpha"),
      await membershipId(db, solo.organiserA.userId, solo.adminA.workspaceId),
    );
    if (issued.kind !== "link") throw new Error(`expected a link, got ${issued.kind}`);
    const token = issued.url.split("/reset-password/")[1]!;
    // The organiser now also joins B (accepts an invite there).
    await db.membership.create({
      data: { userId: solo.organiserA.userId, workspaceId: solo.adminB.workspaceId, role: "admin" },
    });
    expect(await getPasswordReset(token)).toBeNull();
    await expect(
      resetPassword(token, { password: "taken-over-pass", confirm: "taken-over-pass" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await canSignIn(app.url, solo.organiserA)).toBe(true);
    expect(await canSignIn(app.url, { ...solo.organiserA, password: "taken-over-pass" })).toBe(false);
  });

  it("Forgot password says it cannot email, and creates nothing", async () => {
    const { forgotPasswordAction } = await import("@/app/(auth)/actions");
    const before = await db.passwordReset.count();
    const out = await runAction(app.url, "/forgot-password", "", () =>
      forgotPasswordAction({}, form({ email: people.adminA.email })),
    );
    expect(out.state?.error).toMatch(/cannot send email/);
    expect(await db.passwordReset.count()).toBe(before);
  });

  it("renders the same invite page for an email with an account and one without", async () => {
    const { createInvite } = await import("@/lib/workspaces/invites");
    const { default: InvitePage } = await import("@/app/(auth)/invite/[token]/page");
    const admin = actorOf(people.adminA, "Alpha");
    const existing = "known-person@example.test";
    await db.user.create({ data: { name: "Known", email: existing, passwordHash: "x" } });
    const pages: string[] = [];
    for (const email of [existing, "unknown-person@example.test"]) {
      const { url } = await createInvite(admin, { email, role: "organiser" });
      const token = url.split("/invite/")[1]!;
      const out = await runAction(app.url, `/invite/${token}`, "", async () =>
        renderHtml(await InvitePage({ params: Promise.resolve({ token }) })),
      );
      pages.push(
        String(out.state)
          .replaceAll(token, "TOKEN")
          .replaceAll(encodeURIComponent(email), "EMAIL")
          .replaceAll(email, "EMAIL"),
      );
    }
    expect(pages[0]).toContain("Join Alpha");
    expect(pages[0]).toBe(pages[1]);
  });

  it("answers sign-up and invite sign-up for a taken email without saying the account exists", async () => {
    const { signUpAction } = await import("@/app/(auth)/actions");
    const out = await runAction(app.url, "/sign-up", "", () =>
      signUpAction(
        {},
        form({
          name: "Someone",
          email: people.adminB.email,
          password: "whatever-password-1",
          workspaceName: "Copycat",
        }),
      ),
    );
    expect(out.state?.error).toBeTruthy();
    expect(JSON.stringify(out.state)).not.toMatch(/already exists|already has|registered/i);
  });
});

describe("with SMTP", () => {
  const sink = smtpSinkFixture();
  const app = appFixture({ env: () => ({ ...AUTH_INTERRUPTS, ...sink.env() }) });
  let db: Db;
  let people: People;
  beforeAll(async () => {
    db = app.lib.db;
    people = await app.people();
  });

  async function mailTo(email: string, count: number): Promise<string> {
    await until(
      `mail #${count} to ${email}`,
      () => sink.messages.filter((m) => m.to.includes(`RCPT TO:<${email}>`)).length >= count,
      15_000,
    );
    return readableMail(sink.messages.filter((m) => m.to.includes(`RCPT TO:<${email}>`)).at(count - 1)!.data);
  }

  it("emails a shared account's reset link to its owner only — the admin never sees it", async () => {
    expect(await resetOfSharedAccount(app.url, db, people)).toMatchObject({
      ok: true,
      result: { kind: "emailed", email: people.adminB.email },
    });
    const mail = await mailTo(people.adminB.email, 1);
    expect(mail).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
  });

  it("Forgot password emails a working link for a known address, and answers an unknown one the same way", async () => {
    const { forgotPasswordAction, resetPasswordAction } = await import("@/app/(auth)/actions");
    const who = (await createPeople(db)).organiserA;
    const session = await signedIn(app.url, who);
    const known = await runAction(app.url, "/forgot-password", "", () =>
      forgotPasswordAction({}, form({ email: who.email.toUpperCase() })),
    );
    const unknownEmail = `nobody-${Date.now()}@example.test`;
    const unknown = await runAction(app.url, "/forgot-password", "", () =>
      forgotPasswordAction({}, form({ email: unknownEmail })),
    );
    expect(known.state).toEqual({ ok: true, result: { email: who.email } });
    expect(unknown.state).toEqual({ ok: true, result: { email: unknownEmail } });

    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(await mailTo(who.email, 1))![1]!;
    const reset = await runAction(app.url, `/reset-password/${token}`, "", () =>
      resetPasswordAction(token, {}, form({ password: "forgot-new-pass-1", confirm: "forgot-new-pass-1" })),
    );
    expect(reset.location).toContain("/meetings");
    // The old session ended; the new password works.
    const me = await fetch(`${app.url}/api/meetings`, { headers: { cookie: session.cookieHeader() } });
    expect(me.status).toBe(401);
    expect(await canSignIn(app.url, { ...who, password: "forgot-new-pass-1" })).toBe(true);
    expect(sink.messages.some((m) => m.to.includes(`RCPT TO:<${unknownEmail}>`))).toBe(false);
  });

  it("Forgot password sends at most three links an hour to one account", async () => {
    const { forgotPasswordAction } = await import("@/app/(auth)/actions");
    const who = (await createPeople(db)).organiserA;
    for (let i = 0; i < 5; i++) {
      const out = await runAction(app.url, "/forgot-password", "", () =>
        forgotPasswordAction({}, form({ email: who.email })),
      );
      expect(out.state?.ok).toBe(true);
    }
    await mailTo(who.email, 3);
    expect(await db.passwordReset.count({ where: { userId: who.userId } })).toBe(3);
  });
});
