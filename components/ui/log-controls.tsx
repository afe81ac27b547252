import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { type Query, withQuery } from "@/components/admin/query-links";

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

/**
 * Paging by time: the same list (`path`, its filters in `query`) from `before` back; shown only
 * while there are older rows.
 */
export function OlderLink({
  path,
  query,
  before,
  label,
}: {
  path: string;
  query: Query;
  before: string | null;
  label: string;
}) {
  if (!before) return null;
  return (
    <div className="px-4 py-3">
      <Link href={withQuery(path, query, { before })} className="text-sm text-brand-700 hover:underline">
        {label}
      </Link>
    </div>
  );
}
