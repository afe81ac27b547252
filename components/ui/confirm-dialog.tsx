"use client";

import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

// The dialog itself is fetched on the first press: most page views never open one, and the
// meeting page has a JavaScript budget (ADR 0009).
const ConfirmDialogPanel = lazy(() =>
  import("@/components/ui/confirm-dialog-panel").then((m) => ({ default: m.ConfirmDialogPanel })),
);

export type ConfirmDialogProps = {
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  /** What dismissing keeps ("Keep meeting"): a bare "Cancel" is ambiguous beside "Cancel meeting". */
  cancelLabel?: string;
  confirmVariant?: ButtonVariant;
  /** Where focus goes once confirmed, when confirming removes the trigger (it would fall to <body>). */
  focusAfterConfirm?: () => void;
  onConfirm?: () => void | Promise<void>;
  /** Server action the confirm button submits (hidden inputs go in `children`). */
  action?: (formData: FormData) => void | Promise<void>;
  children?: ReactNode;
};

/**
 * A trigger button that opens a modal <dialog> (focus trapped, Escape closes, focus returns to the
 * trigger). Confirm submits `form` content: pass a form action via `children` or use `onConfirm`.
 */
export function ConfirmDialog({ trigger, triggerVariant = "secondary", ...panel }: ConfirmDialogProps) {
  const [opened, setOpened] = useState(0);
  return (
    <>
      <Button variant={triggerVariant} size="sm" onClick={() => setOpened((n) => n + 1)}>
        {trigger}
      </Button>
      {opened > 0 ? (
        <Suspense fallback={null}>
          <ConfirmDialogPanel opened={opened} {...panel} />
        </Suspense>
      ) : null}
    </>
  );
}
