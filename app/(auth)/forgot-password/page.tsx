import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { isMailConfigured } from "@/lib/mail";
import { ForgotPasswordForm } from "@/app/(auth)/forgot-password/forgot-password-form";
import { AuthHeading, AuthLink } from "@/app/(auth)/auth-parts";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("ForgotPassword", "title");

export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  const mail = isMailConfigured();
  return (
    <>
      <AuthHeading heading={t("heading")} intro={mail ? t("intro") : undefined} />
      {mail ? (
        <ClientIntl namespaces={["ForgotPasswordForm"]}>
          <ForgotPasswordForm />
        </ClientIntl>
      ) : (
        <Notice tone="warning" testId="forgot-unavailable">
          {t("unavailable")}
        </Notice>
      )}
      <AuthLink href="/sign-in" label={t("backToSignIn")} className="mt-6 text-center text-slate-600" />
    </>
  );
}
