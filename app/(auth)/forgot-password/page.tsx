import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { isMailConfigured } from "@/lib/mail";
import { ForgotPasswordForm } from "@/app/(auth)/forgot-password/forgot-password-form";

export async function generateMetadata() {
  const t = await getTranslations("ForgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">{t("heading")}</h1>
      {isMailConfigured() ? (
        <>
          <p className="mb-6 text-sm text-slate-600">{t("intro")}</p>
          <ClientIntl namespaces={["ForgotPasswordForm"]}>
            <ForgotPasswordForm />
          </ClientIntl>
        </>
      ) : (
        <Notice tone="warning" testId="forgot-unavailable">
          {t("unavailable")}
        </Notice>
      )}
      <p className="mt-6 text-center text-sm text-slate-600">
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </>
  );
}
