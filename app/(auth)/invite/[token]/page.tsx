import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/session-actions";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getInvite, type InviteStatus } from "@/lib/workspaces/accept-invite";
import { AcceptSignedInForm, AcceptWithNewAccountForm } from "@/app/(auth)/invite/[token]/accept-forms";

export async function generateMetadata() {
  const t = await getTranslations("Auth");
  return { title: t("inviteTitle") };
}

// "missing" selects the ICU `other` branch (a link that was never valid).
const statusKey = (status: InviteStatus | undefined) => status ?? "missing";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, t] = await Promise.all([getInvite(token), getTranslations("Auth")]);
  if (!invite || invite.status !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold text-slate-900">{t("inviteUnavailable")}</h1>
        <Notice tone="warning" testId="invite-unavailable">
          {t("inviteStatus", { status: statusKey(invite?.status) })}
        </Notice>
      </>
    );
  }
  const user = await getSessionUser();
  const path = `/invite/${token}`;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">{t("joinWorkspace", { workspace: invite.workspaceName })}</h1>
      <p className="mb-6 text-sm text-slate-600">
        {t.rich("invitedAs", { role: invite.role, email: invite.email, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      {user && user.email === invite.email ? (
        <ClientIntl namespaces={["Auth"]}>
          <AcceptSignedInForm token={token} workspaceName={invite.workspaceName} />
        </ClientIntl>
      ) : user ? (
        <div className="space-y-4">
          <Notice tone="warning">{t("signedInAsOther", { current: user.email, invited: invite.email })}</Notice>
          <form action={signOutAction}>
            <input type="hidden" name="next" value={path} />
            <button type="submit" className={buttonClasses("secondary", "md", "w-full")}>
              {t("signOut")}
            </button>
          </form>
        </div>
      ) : invite.accountExists ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("haveAccountSignIn")}</p>
          <Link
            href={`/sign-in?next=${encodeURIComponent(path)}&email=${encodeURIComponent(invite.email)}`}
            className={buttonClasses("primary", "md", "w-full")}
          >
            {t("signInToAccept")}
          </Link>
        </div>
      ) : (
        <ClientIntl namespaces={["Auth"]}>
          <AcceptWithNewAccountForm token={token} email={invite.email} />
        </ClientIntl>
      )}
    </>
  );
}
