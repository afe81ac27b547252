import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type TitleRowProps = { title: ReactNode; description?: ReactNode; actions?: ReactNode };

// The page's own heading is an h1; a card's is an h2 under it, smaller and ruled off from its body.
const levels = {
  page: {
    row: "mb-6 items-end gap-4",
    heading: "text-2xl font-semibold tracking-tight text-slate-900",
    description: "mt-1 text-sm text-slate-600",
    actions: "",
  },
  card: {
    row: "items-start gap-3 border-b border-slate-200 px-4 py-3 sm:px-6",
    heading: "text-base font-semibold text-slate-900",
    description: "mt-0.5 text-sm text-slate-600",
    // Shrinks: a row of actions wider than a phone must not widen the page.
    actions: "min-w-0",
  },
};

/** A title with an optional description under it and actions beside it that wrap below on a phone. */
export function TitleRow({ level, title, description, actions }: TitleRowProps & { level: keyof typeof levels }) {
  const s = levels[level];
  const Heading = level === "page" ? "h1" : "h2";
  return (
    <div className={cn("flex flex-wrap justify-between", s.row)}>
      <div className="min-w-0">
        <Heading className={s.heading}>{title}</Heading>
        {description ? <p className={s.description}>{description}</p> : null}
      </div>
      {actions ? <div className={cn("flex flex-wrap items-center gap-2", s.actions)}>{actions}</div> : null}
    </div>
  );
}
