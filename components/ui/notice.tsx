import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type NoticeTone = "info" | "success" | "warning" | "error";

const tones: Record<NoticeTone, string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-green-200 bg-green-50 text-green-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
};

/**
 * A message box. Errors are assertive (role="alert"), everything else a polite live region, so a
 * notice that appears after an action is announced. Pass `testId` for tests: Next injects its own
 * role="alert" route announcer.
 */
export function Notice({
  tone = "info",
  title,
  children,
  className,
  testId,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      aria-live={tone === "error" ? "assertive" : "polite"}
      data-testid={testId}
      className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

/** Where to go about what a notice says, inside its text (underlined: the notice's colour is the link's). */
export function NoticeLink({ href, label }: { href: string; label: ReactNode }) {
  return (
    <Link href={href} className="font-medium underline">
      {label}
    </Link>
  );
}

export { Notice as Alert };
