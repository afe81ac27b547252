import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getPasswordReset } from "@/lib/auth/password-reset";
import { ResetForm } from "@/app/(auth)/reset-password/[token]/reset-form";

export async function generateMetadata() {
  const t = await getTranslations("ResetPage");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [reset, t] = await Promise.all([getPasswordReset(token), getTranslations("ResetPage")]);
  if (!reset || reset.status !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold text-slate-900">{t("unavailable")}</h1>
        <Notice tone="warning" testId="reset-unavailable">
          {!reset ? t("invalid") : reset.status === "used" ? t("used") : t("expired")} {t("askNew")}
        </Notice>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("forEmail", { email: reset.email })}</p>
      <ClientIntl namespaces={["Auth"]}>
        <ResetForm token={token} email={reset.email} />
      </ClientIntl>
    </>
  );
}
