"use client";

import { GLOBAL_ERROR_TEXT } from "@/lib/shared/global-error-text";

// The root layout itself failed: this replaces the whole document, stylesheet included, so it is
// styled inline. Next's built-in page says it in English only and ships its own styles and icon
// (~2 KB gzip in every page's first load, ADR 0009); this one says it in both languages (the
// reader's is not known any more) and reloads on Try again.
const box = { maxWidth: "32rem", margin: "3rem auto", padding: "0 1rem", textAlign: "center" } as const;
const muted = { color: "#475569", fontSize: "0.875rem" } as const;

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", color: "#0f172a" }}>
        <main role="alert" style={box}>
          {(["en", "sw"] as const).map((locale) => (
            <section key={locale} lang={locale}>
              <h1 style={{ fontSize: "1.5rem" }}>{GLOBAL_ERROR_TEXT[locale].title}</h1>
              <p style={muted}>{GLOBAL_ERROR_TEXT[locale].body}</p>
              {error.digest ? (
                <p style={{ ...muted, fontFamily: "monospace" }}>
                  {GLOBAL_ERROR_TEXT[locale].reference.replace("{digest}", error.digest)}
                </p>
              ) : null}
            </section>
          ))}
          <button type="button" onClick={() => window.location.reload()} style={{ padding: "0.5rem 1rem" }}>
            {GLOBAL_ERROR_TEXT.en.retry} · <span lang="sw">{GLOBAL_ERROR_TEXT.sw.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
