"use client";

import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { useT } from "@/lib/i18n/client";

// A page of the signed-in app that failed to render: said in the reader's language (the shell's
// <ClientIntl> carries "ErrorPage"), with a retry and a way back. The digest ties it to the log.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT("ErrorPage");
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center py-12 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { digest: error.digest })}</p>
      ) : null}
      <div className="mt-6 flex gap-3">
        {/* A plain button (not components/ui/button): this boundary is its own first-load chunk on
            every signed-in page, and retrying is never pending (ADR 0009, P5). */}
        <button type="button" onClick={reset} className={buttonClasses()}>
          {t("retry")}
        </button>
        <Link href="/meetings" className={buttonClasses("secondary", "md")}>
          {t("goHome")}
        </Link>
      </div>
    </div>
  );
}
