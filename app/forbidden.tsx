import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";

export const metadata = { title: "Not allowed" };

// Rendered with status 403 by forbidden() (e.g. an organiser opening an admin page).
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You don’t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        Only workspace admins can open it. Ask an admin of this workspace if you need access.
      </p>
      <Link href="/meetings" className={buttonClasses("primary", "md", "mt-6")}>
        Back to meetings
      </Link>
    </main>
  );
}
