import "server-only";
import type { ReactNode } from "react";
import { ClientIntlProvider, type ClientMessages } from "@/lib/i18n/client";
import { compiledNamespace } from "@/lib/i18n/compile-messages";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import type { Namespace } from "@/lib/i18n/catalogs";

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
