import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { LanguageSwitcher } from "@/components/layout/language-switcher";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-2xl font-bold tracking-tight text-brand-700">
        Mkutano
      </Link>
      <main id="main" className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {children}
      </main>
      <LanguageSwitcher className="mt-6" />
    </div>
  );
}
