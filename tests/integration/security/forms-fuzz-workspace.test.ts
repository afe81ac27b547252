// Property-based fuzzing (fast-check) of the signed-in forms: new workspace, invite a member,
// change a role, remove a member, revoke an invite, issue a password reset, save the Sautikit
// key, pick numbers, switch workspace. The real server actions run in a Next request context
// with workspace A's admin's session over the real database; hostile ids include workspace B's
// own rows. Every input is refused with a clear message and changes no row. An organiser posting
// to any admin-only action gets 403 and changes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fuzz } from "../../support/fuzz";
import { emailSchema, workspaceNameSchema } from "@/lib/auth/schemas";
import { appFixture } from "../support/app-fixture";
import type { Client, People } from "../reliability/support/http-client";
import { type ActionOutcome, expectRefused, form, runAction } from "./support/run-action";

// next build inlines this from next.config's experimental.authInterrupts; forbidden() checks it.
const app = appFixture({ env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" } });
let db: typeof import("@/lib/db").db;
let members: typeof import("@/app/(app)/settings/members/actions");
let sautikit: typeof import("@/app/(app)/settings/sautikit/actions");
let people: People;
let adminA: Client;
let organiserA: Client;
let ids: { adminA: string; organiserA: string; adminB: string; inviteB: string; revokedA: string };
let total = 0;

beforeAll(async () => {
  db = app.lib.db;
  members = await import("@/app/(app)/settings/members/actions");
  sautikit = await import("@/app/(app)/settings/sautikit/actions");
  people = await app.people();
  adminA = await app.signIn(people.adminA);
  organiserA = await app.signIn(people.organiserA);
  const membership = (p: { userId: string; workspaceId: string }) =>
    db.membership
      .findUniqueOrThrow({ where: { userId_workspaceId: { userId: p.userId, workspaceId: p.workspaceId } } })
      .then((m) => m.id);
  const invite = (workspaceId: string, createdById: string, revokedAt: Date | null) =>
    db.invite
      .create({
        data: {
          workspaceId,
          email: `x-${Math.random()}@example.test`,
          role: "organiser",
          tokenHash: `h-${Math.random()}`,
          createdById,
          expiresAt: new Date(Date.now() + 86_400_000),
          revokedAt,
        },
      })
      .then((i) => i.id);
  ids = {
    adminA: await membership(people.adminA),
    organiserA: await membership(people.organiserA),
    adminB: await membership(people.adminB),
    inviteB: await invite(people.adminB.workspaceId, people.adminB.userId, null),
    revokedA: await invite(people.adminA.workspaceId, people.adminA.userId, new Date()),
  };
}, 120_000);

async function snapshot() {
  const [users, workspaces, memberships, invites, resets, audit, connections] = await Promise.all([
    db.user.count(),
    db.workspace.count(),
    db.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, workspaceId: true } }),
    db.invite.findMany({
      orderBy: { id: "asc" },
      select: { id: true, email: true, role: true, revokedAt: true, acceptedAt: true },
    }),
    db.passwordReset.count(),
    db.auditLog.count(),
    db.sautikitConnection.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, workspaces, memberships, invites, resets, audit, connections };
}

async function refusedUnchanged(
  what: string,
  field: string | string[] | undefined,
  who: Client,
  page: string,
  invoke: () => Promise<unknown>,
) {
  total++;
  const before = await snapshot();
  expectRefused(await runAction(app.url, page, who.cookieHeader(), invoke), what, field);
  expect(await snapshot(), `${what}: the database changed`).toEqual(before);
}

// ---- arbitraries -------------------------------------------------------------------------------
const text = (o: { minLength?: number; maxLength?: number } = {}) => fc.string({ unit: "binary", ...o });
const invalid = <T>(arb: fc.Arbitrary<T>, schema: { safeParse(v: unknown): { success: boolean } }) =>
  arb.filter((v) => !schema.safeParse(v).success);
const badEmail = invalid(
  fc.oneof(text({ maxLength: 40 }), fc.constantFrom("a@", "@b.ke", "a b@c.ke", "a@b", "<a@b.ke>")),
  emailSchema,
);
const badRole = fc
  .oneof(fc.constantFrom("", "owner", "ADMIN", "Admin ", "superuser", "admin\u0000"), text({ maxLength: 20 }))
  .filter((r) => r !== "admin" && r !== "organiser");
/** Ids that are not a row of workspace A: junk, injection-shaped text, and workspace B's real ids. */
const hostileId = () =>
  fc.oneof(
    text({ maxLength: 60 }),
    fc.uuid(),
    fc.constantFrom("", "' OR '1'='1", "../", "\u0000", ids.adminB, ids.inviteB),
  );

describe("forms fuzzing (workspace forms)", () => {
  it("new workspace: a name too short, too long or blank", async () => {
    const { createWorkspaceAction } = await import("@/app/(app)/workspaces/new/actions");
    const name = invalid(
      fc.oneof(
        fc.constantFrom("", " ", "\t"),
        text({ maxLength: 1 }),
        text({ minLength: 81, maxLength: 120 }).map((s) => `ab${s}`),
      ),
      workspaceNameSchema,
    );
    await fuzz(
      fc.asyncProperty(name, async (value) => {
        // The form shows a whole-form schema error under the name field too.
        await refusedUnchanged(
          `new workspace name=${JSON.stringify(value)}`,
          ["name", "form"],
          adminA,
          "/workspaces/new",
          () => createWorkspaceAction({}, form({ name: value })),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("invite: a bad email, a bad role, or someone already a member", async () => {
    const bad = fc.oneof(
      badEmail.map((email) => ({ fields: { email, role: "organiser" }, field: "email" as string | undefined })),
      badRole.map((role) => ({
        fields: { email: "new-person@example.test", role },
        field: "role" as string | undefined,
      })),
      fc
        .constantFrom(people.adminA.email, people.organiserA.email.toUpperCase())
        .map((email) => ({ fields: { email, role: "admin" }, field: undefined })),
    );
    await fuzz(
      fc.asyncProperty(bad, async ({ fields, field }) => {
        await refusedUnchanged(`invite ${JSON.stringify(fields)}`, field, adminA, "/settings/members", () =>
          members.inviteMemberAction({}, form(fields)),
        );
      }),
      { numRuns: 50 },
    );
  });

  it("members: change role, remove, revoke and reset with hostile ids, a bad role, or the last admin", async () => {
    const bad = fc.oneof(
      hostileId().map((membershipId) => ({ kind: "role", fields: { membershipId, role: "admin" } })),
      badRole.map((role) => ({ kind: "role", fields: { membershipId: ids.organiserA, role } })),
      fc.constant({ kind: "role", fields: { membershipId: ids.adminA, role: "organiser" } }),
      hostileId().map((membershipId) => ({ kind: "remove", fields: { membershipId } })),
      fc.constant({ kind: "remove", fields: { membershipId: ids.adminA } }),
      fc.oneof(hostileId(), fc.constant(ids.revokedA)).map((inviteId) => ({ kind: "revoke", fields: { inviteId } })),
      hostileId().map((membershipId) => ({ kind: "reset", fields: { membershipId } })),
    );
    const action = {
      role: members.changeRoleAction,
      remove: members.removeMemberAction,
      revoke: members.revokeInviteAction,
      reset: members.issueResetAction,
    };
    await fuzz(
      fc.asyncProperty(bad, async ({ kind, fields }) => {
        const act = action[kind as keyof typeof action];
        await refusedUnchanged(`${kind} ${JSON.stringify(fields)}`, undefined, adminA, "/settings/members", () =>
          act({}, form(fields)),
        );
      }),
      { numRuns: 90 },
    );
  });

  it("Sautikit connection: a bad URL, a bad key, a key the provider refuses, or numbers it does not own", async () => {
    const badUrl = fc.oneof(
      text({ maxLength: 30 }),
      fc.constantFrom(
        "ftp://api.sautikit.com",
        "javascript:alert(1)",
        "http://api.sautikit.com",
        "http://169.254.169.254/latest",
        "api.sautikit.com",
        "https://",
      ),
    );
    const badKey = fc.oneof(
      text({ maxLength: 7 }),
      fc.constantFrom("sk live with spaces", "        ", ""),
      text({ minLength: 4001, maxLength: 4050 }).map((s) => `sk_${s}`),
    );
    const bad = fc.oneof(
      badUrl.map((apiBaseUrl) => ({
        kind: "save",
        fields: { apiBaseUrl, apiKey: "sk_test_looks_fine" },
        field: "apiBaseUrl" as string | undefined,
      })),
      badKey.map((apiKey) => ({
        kind: "save",
        fields: { apiBaseUrl: "https://api.sautikit.com", apiKey },
        field: "apiKey" as string | undefined,
      })),
      fc.constant({
        kind: "save",
        fields: { apiBaseUrl: app.emulatorUrl!, apiKey: "sk_test_not_a_real_key" },
        field: undefined,
      }),
      fc
        .record({
          dialInNumberId: fc.oneof(fc.constant(""), text({ maxLength: 30 })),
          callerIdNumberId: fc.oneof(fc.constant(""), text({ maxLength: 30 })),
        })
        .map((fields) => ({ kind: "numbers", fields, field: undefined })),
    );
    await fuzz(
      fc.asyncProperty(bad, async ({ kind, fields, field }) => {
        const act = kind === "save" ? sautikit.saveConnectionAction : sautikit.selectNumbersAction;
        const what = `${kind} ${JSON.stringify(fields).slice(0, 120)}`;
        await refusedUnchanged(what, field, adminA, "/settings/sautikit", () => act({}, form(fields)));
      }),
      { numRuns: 60 },
    );
  });

  it("switch workspace: an id that is not one of the user's workspaces is refused with a 4xx-coded error and changes nothing", async () => {
    const { switchWorkspaceAction } = await import("@/lib/auth/session-actions");
    const { toErrorResponse } = await import("@/lib/errors");
    await fuzz(
      fc.asyncProperty(fc.oneof(hostileId(), fc.constant(people.adminB.workspaceId)), async (workspaceId) => {
        total++;
        const before = await snapshot();
        // A plain form action (no form state): the refusal is thrown, as a coded 4xx error.
        const thrown: unknown = await runAction(app.url, "/meetings", adminA.cookieHeader(), () =>
          switchWorkspaceAction(form({ workspaceId })),
        ).then(
          (out) => ({ unexpectedly: out }),
          (e: unknown) => e,
        );
        const { status, body } = toErrorResponse(thrown);
        expect(status, `switch to ${JSON.stringify(workspaceId)}: ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(status, `switch to ${JSON.stringify(workspaceId)}: ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it("an organiser posting to any admin-only action gets 403 and nothing changes", async () => {
    const valid = {
      invite: () => members.inviteMemberAction({}, form({ email: "sneaky@example.test", role: "admin" })),
      promoteSelf: () => members.changeRoleAction({}, form({ membershipId: ids.organiserA, role: "admin" })),
      removeAdmin: () => members.removeMemberAction({}, form({ membershipId: ids.adminA })),
      revoke: () => members.revokeInviteAction({}, form({ inviteId: ids.revokedA })),
      resetAdmin: () => members.issueResetAction({}, form({ membershipId: ids.adminA })),
      saveKey: () =>
        sautikit.saveConnectionAction({}, form({ apiBaseUrl: app.emulatorUrl!, apiKey: "sk_test_emulator" })),
      numbers: () => sautikit.selectNumbersAction({}, form({ dialInNumberId: "n", callerIdNumberId: "m" })),
      test: () => sautikit.testConnectionAction({}),
      reroute: () => sautikit.rerouteNumbersAction({}),
      emulator: () => sautikit.connectEmulatorAction({}),
    };
    for (const [name, invoke] of Object.entries(valid)) {
      const before = await snapshot();
      const out: ActionOutcome = await runAction(app.url, "/settings", organiserA.cookieHeader(), invoke);
      expect(out.status, `organiser ${name}: ${JSON.stringify(out.state)}`).toBe(403);
      expect(await snapshot(), `organiser ${name}`).toEqual(before);
    }
  });

  it("fuzzed at least 250 workspace-form inputs", () => {
    expect(total).toBeGreaterThanOrEqual(250);
  });
});
