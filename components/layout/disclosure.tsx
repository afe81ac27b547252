"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/**
 * A button that shows and hides a panel (menus in the header). Escape closes and returns focus to
 * the button; a click outside or a navigation closes it.
 */
export function Disclosure({
  label,
  buttonLabel,
  buttonClassName,
  panelClassName,
  align = "right",
  testId,
  children,
}: {
  label: ReactNode;
  /** Accessible name when `label` is not descriptive on its own. */
  buttonLabel?: string;
  buttonClassName?: string;
  panelClassName?: string;
  align?: "left" | "right";
  testId?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const pathname = usePathname();

  // eslint-disable-next-line react-hooks/set-state-in-effect -- close on navigation: the path is an external change
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        className={buttonClassName}
      >
        {label}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cn(
          "absolute z-40 mt-2 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg",
          align === "right" ? "right-0" : "left-0",
          panelClassName,
        )}
      >
        {children}
      </div>
    </div>
  );
}
