import { getTranslations } from "next-intl/server";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { SignUpForm } from "@/app/(auth)/sign-up/sign-up-form";

export async function generateMetadata() {
  const t = await getTranslations("Auth");
  return { title: t("signUpTitle") };
}

export default async function SignUpPage() {
  const t = await getTranslations("Auth");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">{t("signUpHeading")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("signUpIntro")}</p>
      <ClientIntl namespaces={["Auth"]}>
        <SignUpForm />
      </ClientIntl>
    </>
  );
}
