import Link from "next/link";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/session-actions";
import { getInvite, type InviteStatus } from "@/lib/workspaces/accept-invite";
import { AcceptSignedInForm, AcceptWithNewAccountForm } from "@/app/(auth)/invite/[token]/accept-forms";

export const metadata = { title: "Accept invite" };

const STATUS_TEXT: Record<InviteStatus, string> = {
  valid: "",
  expired: "This invite has expired.",
  accepted: "This invite has already been used.",
  revoked: "This invite was withdrawn.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getInvite(token);
  if (!invite || invite.status !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold text-slate-900">Invite not available</h1>
        <Notice tone="warning" testId="invite-unavailable">
          {invite ? STATUS_TEXT[invite.status] : "This invite link is not valid."} Ask a workspace admin to send you a
          new one.
        </Notice>
      </>
    );
  }
  const user = await getSessionUser();
  const t = await getTranslations("Invite");
  const path = `/invite/${token}`;
  const roleText = invite.role === "admin" ? "an admin" : "an organiser";
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Join {invite.workspaceName}</h1>
      <p className="mb-6 text-sm text-slate-600">
        You have been invited as {roleText}. The invite is for <strong>{invite.email}</strong>.
      </p>
      {user && user.email === invite.email ? (
        <ClientIntl namespaces={["Auth"]}>
          <AcceptSignedInForm token={token} workspaceName={invite.workspaceName} />
        </ClientIntl>
      ) : user ? (
        <div className="space-y-4">
          <Notice tone="warning">
            You are signed in as {user.email}. Sign out, then open this link again to accept as {invite.email}.
          </Notice>
          <form action={signOutAction}>
            <input type="hidden" name="next" value={path} />
            <button type="submit" className={buttonClasses("secondary", "md", "w-full")}>
              Sign out
            </button>
          </form>
        </div>
      ) : (
        // The same page whether or not the invited email has an account (see getInvite).
        <div className="space-y-6">
          <div className="space-y-2">
            <p className="text-sm text-slate-700">{t("signInIntro", { email: invite.email })}</p>
            <Link
              href={`/sign-in?next=${encodeURIComponent(path)}&email=${encodeURIComponent(invite.email)}`}
              className={buttonClasses("secondary", "md", "w-full")}
            >
              {t("signInToAccept")}
            </Link>
          </div>
          <div className="space-y-2 border-t border-slate-200 pt-6">
            <p className="text-sm text-slate-700">{t("newIntro")}</p>
            <ClientIntl namespaces={["Auth"]}>
              <AcceptWithNewAccountForm token={token} email={invite.email} />
            </ClientIntl>
          </div>
        </div>
      )}
    </>
  );
}
