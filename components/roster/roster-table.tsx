"use client";

import { lazy, Suspense, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { RosterRow, type RosterRowContext } from "@/components/roster/roster-row";
import { useT } from "@/lib/i18n/client";
import type { RosterPerson } from "@/lib/shared/roster-types";

/** Above this many people only the rows near the viewport are rendered (see virtual-roster-rows). */
export const VIRTUALISE_ABOVE = 100;
// Fetched only for big rooms: the virtualiser is ~6 KB gzip that ordinary meetings never need.
const VirtualRosterRows = lazy(() =>
  import("@/components/roster/virtual-roster-rows").then((m) => ({ default: m.VirtualRosterRows })),
);

export function RosterTable({ people, context }: { people: RosterPerson[]; context: RosterRowContext }) {
  const t = useT("Roster");
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const big = people.length > VIRTUALISE_ABOVE;
  const rows = (list: RosterPerson[]) => list.map((p) => <RosterRow key={p.key} person={p} context={context} />);
  return (
    // relative: visually hidden text inside (sr-only is position:absolute) must be clipped by this
    // scroller, not by the card around it, or it widens the page on a phone.
    <div className="relative overflow-x-auto">
      <table
        role="table"
        className="min-w-full divide-y divide-slate-200 text-sm max-sm:block"
        aria-rowcount={big ? people.length + 1 : undefined}
      >
        <caption className="sr-only">{t("caption")}</caption>
        {/* On a phone the rows are cards (see RosterRow): the headings are for screen readers only. */}
        <thead role="rowgroup" className="max-sm:sr-only">
          <tr
            role="row"
            className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
            aria-rowindex={big ? 1 : undefined}
          >
            {[
              { label: t("person") },
              { label: t("state") },
              { label: t("inCall"), numeric: true },
              { label: t("cost"), numeric: true },
              { label: <span className="sr-only">{t("actions")}</span>, numeric: true },
            ].map(({ label, numeric }, i) => (
              <th key={i} scope="col" role="columnheader" className={cn("px-3 py-2", numeric && "text-right")}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef} role="rowgroup" className="divide-y divide-slate-100 max-sm:block">
          {big ? (
            // Until the virtualiser arrives, the first screenful stands in (the DOM stays small).
            <Suspense fallback={rows(people.slice(0, 30))}>
              <VirtualRosterRows people={people} context={context} bodyRef={bodyRef} />
            </Suspense>
          ) : (
            rows(people)
          )}
        </tbody>
      </table>
    </div>
  );
}
