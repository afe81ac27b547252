import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { getActor, getSessionUser } from "@/lib/auth/actor";
import { safeNextPath } from "@/lib/auth/schemas";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { SignInForm } from "@/app/(auth)/sign-in/sign-in-form";

export const metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; email?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next, email } = await searchParams;
  const nextPath = safeNextPath(next);
  if (await getActor()) redirect(nextPath);
  // Signed in but a member of no workspace (e.g. removed): say so instead of looping.
  const orphan = await getSessionUser();
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Welcome back. Sign in to run your phone meetings.</p>
      {orphan ? (
        <Notice tone="warning" className="mb-4" testId="no-workspace">
          {orphan.email} is not a member of any workspace any more. Ask a workspace admin for a new invite.
        </Notice>
      ) : null}
      <ClientIntl namespaces={["SignIn"]}>
        <SignInForm next={next ? nextPath : undefined} email={typeof email === "string" ? email : undefined} />
      </ClientIntl>
    </>
  );
}
