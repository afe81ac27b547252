// Property-based fuzzing (fast-check) of the forms a visitor without a workspace posts: sign-up,
// sign-in, accept an invite with a new account, choose a new password, and sign-out's `next`.
// Each input is a valid submission with one field broken (or a hostile token); the real server
// action runs in a Next request context over the real database. Every one must come back as form
// state with a clear message naming the field, never an unexpected error, and change no row.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../../support/fuzz";
import { emailSchema, nameSchema, passwordSchema, workspaceNameSchema } from "@/lib/auth/schemas";
import { appFixture } from "../support/app-fixture";
import { createPeople, type People, signedIn } from "../reliability/support/http-client";
import { expectRefused, form, runAction } from "./support/run-action";

const app = appFixture();
const m = app.lib;
let actions: typeof import("@/app/(auth)/actions");
let people: People;
let inviteToken: string;
let resetToken: string;
let total = 0;

beforeAll(async () => {
  actions = await import("@/app/(auth)/actions");
  people = await createPeople(m.db);
  const actorA = {
    userId: people.adminA.userId,
    email: people.adminA.email,
    name: "admin-a",
    workspaceId: people.adminA.workspaceId,
    workspaceName: "Alpha",
    role: "admin" as const,
  };
  const { createInvite } = await import("@/lib/workspaces/invites");
  inviteToken = new URL((await createInvite(actorA, { email: "invitee@example.test", role: "organiser" })).url).pathname
    .split("/")
    .pop()!;
  const { issuePasswordReset } = await import("@/lib/auth/password-reset");
  const organiser = await m.db.membership.findFirstOrThrow({ where: { userId: people.organiserA.userId } });
  const issued = await issuePasswordReset(actorA, organiser.id);
  if (issued.kind !== "link") throw new Error(`expected a link, got ${issued.kind}`);
  resetToken = new URL(issued.url).pathname.split("/").pop()!;
}, 120_000);

/** Everything these forms could write. */
async function snapshot() {
  const [users, workspaces, memberships, audit, attempts, invites, resets, organiser] = await Promise.all([
    m.db.user.count(),
    m.db.workspace.count(),
    m.db.membership.count(),
    m.db.auditLog.count(),
    m.db.loginAttempt.count(),
    m.db.invite.findMany({ orderBy: { id: "asc" }, select: { id: true, acceptedAt: true, revokedAt: true } }),
    m.db.passwordReset.findMany({ orderBy: { id: "asc" }, select: { id: true, usedAt: true } }),
    m.db.user.findUniqueOrThrow({ where: { id: people.organiserA.userId }, select: { passwordHash: true } }),
  ]);
  return { users, workspaces, memberships, audit, attempts, invites, resets, organiser };
}

const anon = (page: string, invoke: () => Promise<unknown>) => runAction(app.url, page, "", invoke);

// ---- arbitraries: each is invalid by construction, and checked against the app's own rule ------
const text = (o: { minLength?: number; maxLength?: number } = {}) => fc.string({ unit: "binary", ...o });
const invalid = <T>(arb: fc.Arbitrary<T>, schema: { safeParse(v: unknown): { success: boolean } }) =>
  arb.filter((v) => !schema.safeParse(v).success);
const blank = fc.constantFrom("", " ", "\t\n", "\u00a0\u3000");
const badName = invalid(
  fc.oneof(
    blank,
    text({ minLength: 101, maxLength: 160 }).map((s) => `x${s}x`),
  ),
  nameSchema,
);
const badEmail = invalid(
  fc.oneof(
    text({ maxLength: 40 }),
    fc.constantFrom("a@", "@b.ke", "a b@c.ke", "a@b", "a@@b.ke", "<a@b.ke>", "a@b.ke\u0000"),
    fc.emailAddress().map((e) => `${"x".repeat(250)}${e}`),
  ),
  emailSchema,
);
const badPassword = invalid(fc.oneof(text({ maxLength: 9 }), text({ minLength: 257, maxLength: 300 })), passwordSchema);
const badWorkspaceName = invalid(
  fc.oneof(
    blank,
    text({ maxLength: 1 }),
    text({ minLength: 81, maxLength: 120 }).map((s) => `ab${s}`),
  ),
  workspaceNameSchema,
);
const badToken = fc.oneof(
  text({ maxLength: 80 }),
  fc.base64String({ minLength: 40, maxLength: 48 }),
  fc.constantFrom("", "../../etc/passwd", "' OR 1=1 --", "\u0000"),
);

const validSignUp = () => ({
  name: "Amina",
  email: `new-${Math.random().toString(36).slice(2)}@example.test`,
  password: "a-long-enough-password",
  workspaceName: "Harambee",
});
const oneBad = <K extends string>(field: K, arb: fc.Arbitrary<string>) => arb.map((value) => ({ field, value }));

/** One bad submission of a visitor form: what it is (for the failure message), where, and how it is sent. */
type Submission = { what: string; field: string | undefined; page: string; submit: () => Promise<unknown> };

/** Fuzzes a form with `numRuns` bad submissions: each is refused (naming `field`) and changes no row. */
async function everyOneRefused<T>(cases: fc.Arbitrary<T>, numRuns: number, submission: (c: T) => Submission) {
  await fuzz(
    fc.asyncProperty(cases, async (c) => {
      const { what, field, page, submit } = submission(c);
      total++;
      const before = await snapshot();
      expectRefused(await anon(page, submit), what, field);
      expect(await snapshot(), `${what}: the database changed`).toEqual(before);
    }),
    { numRuns },
  );
}

describe("forms fuzzing (visitor forms)", () => {
  it("sign-up: one bad field, a missing field, or an email already taken", async () => {
    const bad = fc.oneof(
      oneBad("name", badName),
      oneBad("email", badEmail),
      oneBad("password", badPassword),
      oneBad("workspaceName", badWorkspaceName),
      fc
        .constantFrom("name", "email", "password", "workspaceName")
        .map((field) => ({ field, value: undefined as string | undefined })),
      fc
        .constantFrom(people.adminA.email, people.adminB.email.toUpperCase(), `  ${people.organiserA.email} `)
        .map((value) => ({ field: "email", value: value as string | undefined })),
    );
    await everyOneRefused(bad, 80, ({ field, value }) => ({
      what: `sign-up ${field}=${JSON.stringify(value)}`,
      field,
      page: "/sign-up",
      submit: () => actions.signUpAction({}, form({ ...validSignUp(), [field]: value })),
    }));
  });

  it("sign-in: a malformed email or password is refused before any attempt is counted", async () => {
    const bad = fc.oneof(
      oneBad("email", badEmail),
      oneBad("password", fc.oneof(fc.constant(""), text({ minLength: 257, maxLength: 300 }))),
    );
    const valid = { email: people.adminA.email, password: people.adminA.password, next: "/meetings" };
    await everyOneRefused(bad, 40, ({ field, value }) => ({
      what: `sign-in ${field}=${JSON.stringify(value)}`,
      field,
      page: "/sign-in",
      submit: () => actions.signInAction({}, form({ ...valid, [field]: value })),
    }));
  });

  it("accept an invite with a new account: bad name or password, or a token that is not an invite", async () => {
    const bad = fc.oneof(
      oneBad("name", badName).map((b) => ({ ...b, token: inviteToken })),
      oneBad("password", badPassword).map((b) => ({ ...b, token: inviteToken })),
      fc.oneof(badToken, fc.constant(resetToken)).map((token) => ({ field: undefined, value: undefined, token })),
    );
    await everyOneRefused(bad, 60, ({ field, value, token }) => {
      const fields = { name: "Wanjiru", password: "a-long-enough-password", ...(field ? { [field]: value } : {}) };
      return {
        what: `accept invite token=${JSON.stringify(token.slice(0, 20))} ${field}=${JSON.stringify(value)}`,
        field,
        page: `/invite/${encodeURIComponent(token)}`,
        submit: () => actions.acceptInviteNewAccountAction(token, {}, form(fields)),
      };
    });
  });

  it("choose a new password: too short, too long, not confirmed, or a token that is not a reset", async () => {
    const bad = fc.oneof(
      badPassword.map((p) => ({ fields: { password: p, confirm: p }, field: "password", token: resetToken })),
      fc
        .tuple(fc.constant("a-long-enough-password"), text({ maxLength: 30 }))
        .map(([password, confirm]) => ({ fields: { password, confirm }, field: "confirm", token: resetToken })),
      fc.oneof(badToken, fc.constant(inviteToken)).map((token) => ({
        fields: { password: "a-long-enough-password", confirm: "a-long-enough-password" },
        field: undefined,
        token,
      })),
    );
    await everyOneRefused(bad, 60, ({ fields, field, token }) => ({
      what: `reset token=${JSON.stringify(token.slice(0, 20))} ${JSON.stringify(fields).slice(0, 80)}`,
      field,
      page: `/reset-password/${encodeURIComponent(token)}`,
      submit: () => actions.resetPasswordAction(token, {}, form(fields)),
    }));
  });

  it("sign-out never sends the browser to another site, whatever `next` says", async () => {
    const { signOutAction } = await import("@/lib/auth/session-actions");
    const client = await signedIn(app.url, people.adminB);
    const offSite = [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\\\t/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "\\\\evil.example",
      " //evil.example",
      "/%2F%2Fevil.example",
      "http:evil.example",
    ];
    const next = fc.oneof(
      fc.constantFrom(...offSite),
      text({ maxLength: 30 }),
      text({ maxLength: 30 }).map((s) => `/${s}`),
      fc.webUrl(),
    );
    await fuzz(
      fc.asyncProperty(next, async (value) => {
        total++;
        const out = await runAction(app.url, "/meetings", client.cookieHeader(), () =>
          signOutAction(form({ next: value })),
        );
        expect(out.location, `next=${JSON.stringify(value)}`).toBeTruthy();
        // Resolved as a browser does (WHATWG URL drops tabs and newlines), it stays on this app.
        expect(new URL(out.location!, app.url).origin, `next=${JSON.stringify(value)} → ${out.location}`).toBe(
          new URL(app.url).origin,
        );
      }),
      { numRuns: 60, examples: offSite.map((s) => [s]) },
    );
  });

  it("fuzzed at least 300 visitor-form inputs", () => {
    expect(total).toBeGreaterThanOrEqual(300);
  });
});
