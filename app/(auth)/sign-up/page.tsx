import { SignUpForm } from "@/app/(auth)/sign-up/sign-up-form";

export const metadata = { title: "Create a workspace" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Create your workspace</h1>
      <p className="mb-6 text-sm text-slate-600">You will be its admin, and can invite your team next.</p>
      <SignUpForm />
    </>
  );
}
