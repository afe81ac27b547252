"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { ConfirmDialogProps } from "@/components/ui/confirm-dialog";

/**
 * The modal half of <ConfirmDialog>, fetched the first time its trigger is pressed. `opened` counts
 * the presses: each one shows the (kept) <dialog> again. The browser traps focus while it is open,
 * closes it on Escape and gives focus back to the trigger that had it.
 */
export function ConfirmDialogPanel({
  opened,
  title,
  description,
  confirmLabel,
  cancelLabel,
  confirmVariant = "danger",
  focusAfterConfirm,
  onConfirm,
  action,
  children,
}: Omit<ConfirmDialogProps, "trigger" | "triggerVariant"> & { opened: number }) {
  const t = useT("ConfirmDialog");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const [pending, setPending] = useState(false);
  const close = () => ref.current?.close();
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, [opened]);

  return (
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
  );
}
