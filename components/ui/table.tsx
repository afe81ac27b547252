import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A column heading: its text, or the text with how it sits (numbers right-aligned, a heading only
 * screen readers need, e.g. over a column of buttons). */
export type Column = ReactNode | { label: ReactNode; align?: "right"; srOnly?: boolean };

function isColumnSpec(c: Column): c is { label: ReactNode; align?: "right"; srOnly?: boolean } {
  return typeof c === "object" && c !== null && "label" in c;
}

/**
 * A table that scrolls horizontally on narrow screens; `caption` is announced (visually hidden by
 * default). `columns` renders the heading row, so a page writes only its rows.
 */
export function Table({
  caption,
  showCaption,
  className,
  columns,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  className?: string;
  columns?: Column[];
  children: ReactNode;
}) {
  return (
    // relative: visually hidden text inside (sr-only is position:absolute) must be clipped by this
    // scroller, not by the card around it, or it widens the page on a phone.
    <div className="relative overflow-x-auto">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", className)}>
        <caption className={showCaption ? "px-4 py-2 text-left text-sm text-slate-600" : "sr-only"}>{caption}</caption>
        {columns ? (
          <THead>
            <Tr>
              {columns.map((c, i) =>
                isColumnSpec(c) ? (
                  <Th key={i} className={c.align === "right" ? "text-right" : undefined}>
                    {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
                  </Th>
                ) : (
                  <Th key={i}>{c}</Th>
                ),
              )}
            </Tr>
          </THead>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-slate-50">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>;
}

export function Tr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={className} {...rest} />;
}

export function Th({ className, scope, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope ?? "col"}
      className={cn("px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600", className)}
      {...rest}
    />
  );
}

export function Td({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 align-middle text-slate-800", className)} {...rest} />;
}
