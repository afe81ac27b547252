import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button-classes";

/** The page for a refused or missing address (403, 404): the code, what happened, a way back. */
export function StatusPage({
  code,
  heading,
  body,
  href,
  linkLabel,
}: {
  code: number;
  heading: string;
  body: string;
  href: string;
  linkLabel: string;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center"
    >
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{heading}</h1>
      <p className="mt-2 text-sm text-slate-600">{body}</p>
      <Link href={href} className={buttonClasses("primary", "md", "mt-6")}>
        {linkLabel}
      </Link>
    </main>
  );
}
