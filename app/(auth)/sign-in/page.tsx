import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { getActor, getSessionUser } from "@/lib/auth/actor";
import { safeNextPath } from "@/lib/auth/schemas";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { SignInForm } from "@/app/(auth)/sign-in/sign-in-form";
import { AuthHeading } from "@/app/(auth)/auth-parts";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("SignIn", "title");

type Props = { searchParams: Promise<{ next?: string; email?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next, email } = await searchParams;
  const nextPath = safeNextPath(next);
  if (await getActor()) redirect(nextPath);
  // Signed in but a member of no workspace (e.g. removed): say so instead of looping.
  const orphan = await getSessionUser();
  const t = await getTranslations("SignIn");
  return (
    <>
      <AuthHeading heading={t("heading")} intro={t("intro")} />
      {orphan ? (
        <Notice tone="warning" className="mb-4" testId="no-workspace">
          {t("noWorkspace", { email: orphan.email })}
        </Notice>
      ) : null}
      <ClientIntl namespaces={["SignIn"]}>
        <SignInForm next={next ? nextPath : undefined} email={typeof email === "string" ? email : undefined} />
      </ClientIntl>
    </>
  );
}
