import { getTranslations } from "next-intl/server";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getPasswordReset } from "@/lib/auth/password-reset";
import { ResetForm } from "@/app/(auth)/reset-password/[token]/reset-form";
import { AuthHeading, LinkUnavailable } from "@/app/(auth)/auth-parts";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("ResetPage", "title");

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [reset, t] = await Promise.all([getPasswordReset(token), getTranslations("ResetPage")]);
  if (!reset || reset.status !== "valid") {
    return (
      <LinkUnavailable heading={t("unavailable")} testId="reset-unavailable">
        {!reset ? t("invalid") : reset.status === "used" ? t("used") : t("expired")} {t("askNew")}
      </LinkUnavailable>
    );
  }
  return (
    <>
      <AuthHeading heading={t("title")} intro={t("forEmail", { email: reset.email })} />
      <ClientIntl namespaces={["Auth"]}>
        <ResetForm token={token} email={reset.email} />
      </ClientIntl>
    </>
  );
}
