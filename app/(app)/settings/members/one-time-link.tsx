"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { useT } from "@/lib/i18n/client";

/** A link shown once (only its hash is stored), with a copy button. */
export function OneTimeLink({
  title,
  url,
  note,
  testId,
}: {
  title: string;
  url: string;
  note: string;
  testId: string;
}) {
  const t = useT("MemberActions");
  return (
    <Notice tone="success" title={title}>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`${testId}-input`}>
          {title}
        </label>
        <input
          id={`${testId}-input`}
          data-testid={testId}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-green-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
        />
        <CopyButton value={url} label={t("copyLink")} />
      </div>
      <p className="mt-2 text-xs">{note}</p>
    </Notice>
  );
}
