import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { isMailConfigured } from "@/lib/mail";
import { ForgotPasswordForm } from "@/app/(auth)/forgot-password/forgot-password-form";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Forgot your password?</h1>
      {isMailConfigured() ? (
        <>
          <p className="mb-6 text-sm text-slate-600">Enter the email you sign in with. If it has a Mkutano account, we will email a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <Notice tone="warning" testId="forgot-unavailable">
          This Mkutano server cannot send email, so passwords cannot be reset by email here. Ask an admin of your workspace for a reset link.
        </Notice>
      )}
      <p className="mt-6 text-center text-sm text-slate-600">
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
