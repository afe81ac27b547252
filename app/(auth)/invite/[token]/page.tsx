import { Link } from "@/components/ui/link";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/session-actions";
import { getInvite } from "@/lib/workspaces/accept-invite";
import { AcceptSignedInForm, AcceptWithNewAccountForm } from "@/app/(auth)/invite/[token]/accept-forms";
import { AuthHeading, LinkUnavailable } from "@/app/(auth)/auth-parts";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("InvitePage", "title");

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, tp] = await Promise.all([getInvite(token), getTranslations("InvitePage")]);
  if (!invite || invite.status !== "valid") {
    return (
      <LinkUnavailable heading={tp("unavailable")} testId="invite-unavailable">
        {tp("status", { status: invite?.status ?? "invalid" })} {tp("askNew")}
      </LinkUnavailable>
    );
  }
  const user = await getSessionUser();
  const [t, tauth] = await Promise.all([getTranslations("Invite"), getTranslations("Auth")]);
  const path = `/invite/${token}`;
  return (
    <>
      <AuthHeading
        heading={tauth("joinWorkspace", { workspace: invite.workspaceName })}
        intro={tp.rich("invitedAs", {
          role: invite.role,
          email: invite.email,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      />
      {user && user.email === invite.email ? (
        <ClientIntl namespaces={["Auth"]}>
          <AcceptSignedInForm token={token} workspaceName={invite.workspaceName} />
        </ClientIntl>
      ) : user ? (
        <div className="space-y-4">
          <Notice tone="warning">{tp("wrongUser", { current: user.email, email: invite.email })}</Notice>
          <form action={signOutAction}>
            <input type="hidden" name="next" value={path} />
            <button type="submit" className={buttonClasses("secondary", "md", "w-full")}>
              {tp("signOut")}
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
