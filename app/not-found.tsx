import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">We couldn’t find that page</h1>
      <p className="mt-2 text-sm text-slate-600">It may have been removed, or it belongs to a workspace you are not a member of.</p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
        Go home
      </Link>
    </main>
  );
}
