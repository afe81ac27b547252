"use client";

import "./globals.css";
import { buttonClasses } from "@/components/ui/button-classes";
import { GLOBAL_ERROR_TEXT } from "@/lib/shared/global-error-text";

// The root layout itself failed: this replaces the whole document. Next's built-in page says it in
// English only and ships its own styles and icon (~2 KB gzip in every page's first load, ADR 0009);
// this one says it in both languages (the reader's is not known any more) and reloads on Try again.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-12 text-center">
          {(["en", "sw"] as const).map((locale) => (
            <section key={locale} lang={locale}>
              <h1 className="text-2xl font-semibold text-slate-900">{GLOBAL_ERROR_TEXT[locale].title}</h1>
              <p className="mt-2 text-sm text-slate-600">{GLOBAL_ERROR_TEXT[locale].body}</p>
              {error.digest ? (
                <p className="mt-2 font-mono text-xs text-slate-500">
                  {GLOBAL_ERROR_TEXT[locale].reference.replace("{digest}", error.digest)}
                </p>
              ) : null}
            </section>
          ))}
          <button type="button" onClick={() => window.location.reload()} className={buttonClasses("primary", "md")}>
            {GLOBAL_ERROR_TEXT.en.retry} · <span lang="sw">{GLOBAL_ERROR_TEXT.sw.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
