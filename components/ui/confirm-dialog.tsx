"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/**
 * A trigger button that opens a modal <dialog> (focus trapped, Escape closes, focus returns to the
 * trigger). Confirm submits `form` content: pass a form action via `children` or use `onConfirm`.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "secondary",
  title,
  description,
  confirmLabel,
  cancelLabel,
  confirmVariant = "danger",
  focusAfterConfirm,
  onConfirm,
  action,
  children,
}: {
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
}) {
  const t = useT("ConfirmDialog");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const [pending, setPending] = useState(false);
  const close = () => ref.current?.close();

  return (
    <>
      <Button variant={triggerVariant} size="sm" onClick={() => ref.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        aria-describedby={description ? descId : undefined}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          action={action}
          onSubmit={async (e) => {
            if (!action) {
              e.preventDefault();
              // The dialog stays open, its confirm button busy, until the work is done.
              setPending(true);
              try {
                await onConfirm?.();
              } finally {
                setPending(false);
              }
            }
            close();
            focusAfterConfirm?.();
          }}
          className="space-y-4 p-6"
        >
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? (
            <p id={descId} className="text-sm text-slate-600">
              {description}
            </p>
          ) : null}
          {children}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} autoFocus>
              {cancelLabel ?? t("cancel")}
            </Button>
            <Button type="submit" variant={confirmVariant} pending={pending}>
              {confirmLabel ?? t("confirm")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
