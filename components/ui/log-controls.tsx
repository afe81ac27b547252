import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";

// The controls the filtered lists (admin logs, recordings) share: its filter form's buttons and the link to older rows.

/** "Filter" submits the GET form; "Clear" goes back to the unfiltered page. */
export function FilterActions({ clearHref, filter, clear }: { clearHref: string; filter: string; clear: string }) {
  return (
    <>
      <button type="submit" className={buttonClasses("primary")}>
        {filter}
      </button>
      <a href={clearHref} className={buttonClasses("ghost")}>
        {clear}
      </a>
    </>
  );
}

/** Paging by time: shown only while there are older rows. */
export function OlderLink({ href, label }: { href: string | null; label: string }) {
  if (!href) return null;
  return (
    <div className="px-4 py-3">
      <Link href={href} className="text-sm text-brand-700 hover:underline">
        {label}
      </Link>
    </div>
  );
}
