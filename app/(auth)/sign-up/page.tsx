import { getTranslations } from "next-intl/server";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { SignUpForm } from "@/app/(auth)/sign-up/sign-up-form";
import { AuthHeading } from "@/app/(auth)/auth-parts";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Auth", "signUpTitle");

export default async function SignUpPage() {
  const t = await getTranslations("Auth");
  return (
    <>
      <AuthHeading heading={t("signUpHeading")} intro={t("signUpIntro")} />
      <ClientIntl namespaces={["Auth"]}>
        <SignUpForm />
      </ClientIntl>
    </>
  );
}
