import { Notice } from "@/components/ui/notice";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getPasswordReset } from "@/lib/auth/password-reset";
import { ResetForm } from "@/app/(auth)/reset-password/[token]/reset-form";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await getPasswordReset(token);
  if (!reset || reset.status !== "valid") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold text-slate-900">Reset link not available</h1>
        <Notice tone="warning" testId="reset-unavailable">
          {!reset
            ? "This reset link is not valid."
            : reset.status === "used"
              ? "This reset link has already been used."
              : "This reset link has expired."}{" "}
          Ask for a new one with “Forgot password” on the sign-in page, or ask a workspace admin.
        </Notice>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Choose a new password</h1>
      <p className="mb-6 text-sm text-slate-600">For {reset.email}. Other signed-in sessions will be signed out.</p>
      <ClientIntl namespaces={["Auth"]}>
        <ResetForm token={token} email={reset.email} />
      </ClientIntl>
    </>
  );
}
