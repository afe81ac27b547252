import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/notice";

// The pieces every signed-out page is made of: its heading, the line of links between the pages,
// and what a used or expired link says.

/** An auth page's heading and, under it, what the page is for. */
export function AuthHeading({ heading, intro }: { heading: ReactNode; intro?: ReactNode }) {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">{heading}</h1>
      {intro ? <p className="mb-6 text-sm text-slate-600">{intro}</p> : null}
    </>
  );
}

/** An invite or reset link that cannot be used: the heading and why (with what to do instead). */
export function LinkUnavailable({
  heading,
  testId,
  children,
}: {
  heading: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold text-slate-900">{heading}</h1>
      <Notice tone="warning" testId={testId}>
        {children}
      </Notice>
    </>
  );
}

/** A link to another auth page, after an optional lead-in ("New here? Create a workspace"). */
export function AuthLink({
  href,
  label,
  lead,
  className,
}: {
  href: string;
  label: ReactNode;
  lead?: ReactNode;
  className?: string;
}) {
  const link = (
    <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
      {label}
    </Link>
  );
  return (
    <p className={cn("text-sm", className ?? "text-center text-slate-600")}>
      {lead ? (
        <>
          {lead} {link}
        </>
      ) : (
        link
      )}
    </p>
  );
}
