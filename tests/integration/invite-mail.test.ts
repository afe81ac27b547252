// Invite and reset links are emailed when SMTP_URL is set (through nodemailer, to a real SMTP
// listener), and an unreachable mail server never blocks them: the admin still gets the link.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { type AppTest, setupAppTest } from "./support/setup-app-test";
import { startSmtpSink } from "./support/smtp-sink";

/** The message as a reader sees it: quoted-printable soft breaks and escapes undone. */
function readable(data: string): string {
  return data
    .replace(/=\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

async function adminActor(email: string): Promise<Actor> {
  const { db } = await import("@/lib/db");
  const m = await db.membership.findFirstOrThrow({
    where: { user: { email } },
    include: { user: true, workspace: true },
  });
  return {
    userId: m.userId,
    email,
    name: m.user.name,
    workspaceId: m.workspaceId,
    workspaceName: m.workspace.name,
    role: m.role,
  };
}

describe("with SMTP configured", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: AppTest;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await setupAppTest({
      env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_FROM: "Mkutano <no-reply@mkutano.test>" },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  it("emails the invite link and the reset link to the right people", async () => {
    const { signUp } = await import("@/lib/workspaces/sign-up");
    const { createInvite } = await import("@/lib/workspaces/invites");
    const { issuePasswordReset } = await import("@/lib/auth/password-reset");
    const { db } = await import("@/lib/db");
    await signUp({ name: "Mail Admin", email: "admin@mail.test", password: "mail-admin-pass", workspaceName: "Posta" });
    const admin = await adminActor("admin@mail.test");

    const invite = await createInvite(admin, { email: "New.Person@Mail.test", role: "organiser" });
    expect(invite.emailed).toBe(true);
    const inviteMail = sink.messages.at(-1)!;
    expect(inviteMail.to).toEqual(["RCPT TO:<new.person@mail.test>"]);
    expect(inviteMail.data).toContain("Subject: You're invited to Posta on Mkutano");
    expect(readable(inviteMail.data)).toContain(invite.url);

    const other = await db.user.create({ data: { name: "Member", email: "member@mail.test", passwordHash: "x" } });
    const membership = await db.membership.create({
      data: { userId: other.id, workspaceId: admin.workspaceId, role: "organiser" },
    });
    const reset = await issuePasswordReset(admin, membership.id);
    if (reset.kind !== "link") throw new Error(`expected a link for a single-workspace account, got ${reset.kind}`);
    expect(reset.emailed).toBe(true);
    const resetMail = sink.messages.at(-1)!;
    expect(resetMail.to).toEqual(["RCPT TO:<member@mail.test>"]);
    expect(readable(resetMail.data)).toContain(reset.url);
    expect(sink.messages).toHaveLength(2);

    // In the recipient's language when they chose one; a new invitee's is the inviter's choice.
    await db.user.update({ where: { id: admin.userId }, data: { locale: "sw" } });
    await createInvite(admin, { email: "mgeni@mail.test", role: "admin" });
    const swInvite = sink.messages.at(-1)!;
    expect(swInvite.data).toContain("Subject: Umealikwa kujiunga na Posta kwenye Mkutano");
    expect(readable(swInvite.data)).toContain("amekualika ujiunge na Posta kwenye Mkutano kama msimamizi");
    await db.user.update({ where: { id: other.id }, data: { locale: "sw" } });
    await issuePasswordReset(admin, membership.id);
    const swReset = sink.messages.at(-1)!;
    expect(swReset.data).toContain("Subject: Badilisha nenosiri lako la Mkutano");
    expect(readable(swReset.data)).toContain("Chagua nenosiri jipya ndani ya saa moja");
  });
});

describe("with the SMTP server down", () => {
  let app: AppTest;
  beforeAll(async () => {
    app = await setupAppTest({ env: { SMTP_URL: `smtp://127.0.0.1:${await deadPort()}` } });
  }, 120_000);
  afterAll(() => app?.stop());

  it("still creates the invite and hands the link to the admin", async () => {
    const { signUp } = await import("@/lib/workspaces/sign-up");
    const { createInvite, listPendingInvites } = await import("@/lib/workspaces/invites");
    await signUp({
      name: "Offline Admin",
      email: "admin@offline.test",
      password: "offline-admin-pass",
      workspaceName: "Offline",
    });
    const admin = await adminActor("admin@offline.test");
    const invite = await createInvite(admin, { email: "someone@offline.test", role: "admin" });
    expect(invite.emailed).toBe(false);
    expect(invite.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect((await listPendingInvites(admin)).map((i) => i.email)).toEqual(["someone@offline.test"]);
  });
});
