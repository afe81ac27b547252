import type { HTMLAttributes, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TBody, Td, Tr } from "@/components/ui/table";

/** One column: its heading and what each row shows under it, so the two cannot drift apart. */
export type DataColumn<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers: heading and cells right-aligned, digits of equal width. */
  align?: "right";
  /** A heading only screen readers need (e.g. over a column of buttons). */
  srOnly?: boolean;
  className?: string;
};

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

export type DataTableProps<T> = {
  caption: string;
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Per-row attributes: test ids, data-* state, a highlight class. */
  rowProps?: (row: T) => RowAttributes;
};

/** A table of `rows`, one cell per column (see Table for captions and narrow screens). */
export function DataTable<T>({ caption, columns, rows, rowKey, rowProps }: DataTableProps<T>) {
  return (
    <Table caption={caption} columns={columns.map((c) => ({ label: c.header, align: c.align, srOnly: c.srOnly }))}>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((c, i) => (
              <Td key={i} className={cn(c.align === "right" && "text-right tabular-nums", c.className)}>
                {c.cell(row)}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * A list page's rows: the table in a card with what goes under it (paging, "showing the newest
 * 200"), or, with no rows, `empty` (an EmptyState that says why and what to do).
 */
export function DataCard<T>({
  empty,
  footer,
  className,
  ...table
}: DataTableProps<T> & { empty: ReactNode; footer?: ReactNode; className?: string }) {
  if (table.rows.length === 0) return <>{empty}</>;
  return (
    <Card className={className}>
      <DataTable {...table} />
      {footer}
    </Card>
  );
}
