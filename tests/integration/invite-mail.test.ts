// Invite and reset links are emailed when SMTP_URL is set (through nodemailer, to a real SMTP
// listener), and an unreachable mail server never blocks them: the admin still gets the link.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { appFixture } from "./support/app-fixture";
import { readableMail as readable, smtpSinkFixture } from "./support/smtp-sink";

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe("with SMTP configured", () => {
  const sink = smtpSinkFixture();
  const app = appFixture({ env: sink.env });

  it("emails the invite link and the reset link to the right people", async () => {
    const { createInvite } = await import("@/lib/workspaces/invites");
    const { issuePasswordReset } = await import("@/lib/auth/password-reset");
    const { db } = app.lib;
    const admin = (await app.workspace({ name: "Posta" })).actor;

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
  const app = appFixture({ env: async () => ({ SMTP_URL: `smtp://127.0.0.1:${await deadPort()}` }) });

  it("still creates the invite and hands the link to the admin", async () => {
    const { createInvite, listPendingInvites } = await import("@/lib/workspaces/invites");
    const admin = (await app.workspace({ name: "Offline" })).actor;
    const invite = await createInvite(admin, { email: "someone@offline.test", role: "admin" });
    expect(invite.emailed).toBe(false);
    expect(invite.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect((await listPendingInvites(admin)).map((i) => i.email)).toEqual(["someone@offline.test"]);
  });
});
