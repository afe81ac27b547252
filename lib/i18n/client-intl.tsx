import "server-only";
import type { ReactNode } from "react";
import compile from "icu-minify/compile";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { ClientIntlProvider, type ClientMessages } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import type { Namespace } from "@/lib/i18n/catalogs";

const compiled = new Map<string, ClientMessages>();

function flatten(prefix: string, value: unknown, into: Record<string, string>): void {
  if (typeof value === "string") into[prefix] = value;
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, into);
}

/** One namespace of one language, compiled once per process. */
export function compiledNamespace(locale: Locale, namespace: Namespace): ClientMessages {
  const cacheKey = `${locale}:${namespace}`;
  let messages = compiled.get(cacheKey);
  if (!messages) {
    const flat: Record<string, string> = {};
    const root = namespace.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGS[locale]);
    if (root === undefined) throw new Error(`i18n: no namespace "${namespace}" in the ${locale} catalog`);
    flatten(namespace, root, flat);
    // Through JSON: icu-minify builds some nodes without a prototype, which React refuses to pass
    // from a server component to a client one ("Only plain objects … can be passed").
    messages = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(flat).map(([id, text]) => [id, compile(text)])))) as ClientMessages;
    compiled.set(cacheKey, messages);
  }
  return messages;
}

/**
 * Gives the client components below it the messages of `namespaces` (and nothing else) in the
 * request's language; they read them with `useT(namespace)` from `@/lib/i18n/client`.
 */
export async function ClientIntl({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = await resolveLocale();
  const messages = Object.assign({}, ...namespaces.map((ns) => compiledNamespace(locale, ns))) as ClientMessages;
  return (
    <ClientIntlProvider locale={locale} messages={messages}>
      {children}
    </ClientIntlProvider>
  );
}
