"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/** Copies `value` to the clipboard and says so in a polite live region. */
export function CopyButton({
  value,
  label,
  ...rest
}: { value: string; label?: string } & Omit<ButtonProps, "onClick" | "children">) {
  const t = useT("CopyButton");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(t);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} {...rest}>
        {state === "copied" ? t("copied") : (label ?? t("copy"))}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied" ? t("announceCopied") : state === "failed" ? t("announceFailed") : ""}
      </span>
    </span>
  );
}
