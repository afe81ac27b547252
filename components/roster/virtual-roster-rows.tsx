"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { RosterRow, type RosterRowContext } from "@/components/roster/roster-row";
import type { RosterPerson } from "@/lib/shared/roster-types";

// A big room (hundreds of people) renders only the rows near the viewport, so updates stay cheap
// and the DOM small. The page itself scrolls (no nested scroll box): spacer rows above and below
// keep the table's full height, and each row's real height is measured (calls list, open forms).
// Loaded on demand by roster-table.tsx, so ordinary meetings never download the virtualiser.

const ESTIMATED_ROW_PX = 60;
// Server render and first client render agree on a typical viewport until the real one is known.
const INITIAL_VIEWPORT = { width: 1280, height: 900 };

export function VirtualRosterRows({
  people,
  context,
  bodyRef,
}: {
  people: RosterPerson[];
  context: RosterRowContext;
  /** The <tbody>: its distance from the top of the document is the list's scroll margin. */
  bodyRef: RefObject<HTMLTableSectionElement | null>;
}) {
  const [scrollMargin, setScrollMargin] = useState(0);
  // Content above the roster (notices, the progress bar) can move it; re-read after every render.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const top = Math.round(body.getBoundingClientRect().top + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count: people.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (i) => people[i]!.key,
    overscan: 8,
    scrollMargin,
    initialRect: INITIAL_VIEWPORT,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0]!.start - scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - (items.at(-1)!.end - scrollMargin) : 0;
  return (
    <>
      {before > 0 ? <Spacer height={before} /> : null}
      {items.map((item) => (
        <RosterRow
          key={item.key}
          person={people[item.index]!}
          context={context}
          index={item.index}
          rowRef={virtualizer.measureElement}
        />
      ))}
      {after > 0 ? <Spacer height={after} /> : null}
    </>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={5} className="p-0" />
    </tr>
  );
}
