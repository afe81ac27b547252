import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getPasswordReset } from "@/lib/auth/password-reset";
import { ResetForm } from "@/app/(auth)/reset-password/[token]/reset-form";

export async function generateMetadata() {
  const t = await getTranslations("Auth");
  return { title: t("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [reset, t] = await Promise.all([getPasswordReset(token), getTranslations("Auth")]);
  if (!reset || reset.status !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold text-slate-900">{t("resetUnavailable")}</h1>
        <Notice tone="warning" testId="reset-unavailable">
          {t("resetStatus", { status: reset?.status ?? "missing" })}
        </Notice>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">{t("resetHeading")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("resetFor", { email: reset.email })}</p>
      <ClientIntl namespaces={["Auth"]}>
        <ResetForm token={token} email={reset.email} />
      </ClientIntl>
    </>
  );
}
