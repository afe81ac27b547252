"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import format, { type CompiledMessage, type FormatValues } from "icu-minify/format";
import type { KeyIn, Namespace } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";

// The browser side of the catalogs. A client island gets only the namespaces its server parent
// asked for (<ClientIntl namespaces={[…]}>), already compiled by icu-minify on the server, and
// formats them with icu-minify's ~0.8 KB runtime — next-intl's own client provider would add
// ~4 KB (with precompiled messages) to every page, and the meeting page has no room for it
// (ADR "web-i18n").

/** Flat "Namespace.key" → compiled ICU message. */
export type ClientMessages = Record<string, CompiledMessage>;
type ClientCatalog = { locale: Locale; messages: ClientMessages };

const Catalog = createContext<ClientCatalog | null>(null);

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

/** Rendered by <ClientIntl> (server); nested providers add their namespaces to the outer ones. */
export function ClientIntlProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: ClientMessages;
  children: ReactNode;
}) {
  const outer = useContext(Catalog);
  const value = useMemo(
    () => ({ locale, messages: outer ? { ...outer.messages, ...messages } : messages }),
    [locale, messages, outer],
  );
  return <Catalog.Provider value={value}>{children}</Catalog.Provider>;
}

/** The page's language ("en" | "sw"). */
export function useLocale(): Locale {
  return useContext(Catalog)?.locale ?? DEFAULT_LOCALE;
}

/** The Intl tag for dates, numbers and KES in the page's language ("en-KE" | "sw-KE"). */
export function useIntlLocale(): string {
  return intlLocale(useLocale());
}

export type Translate<N extends Namespace> = (key: KeyIn<N>, values?: FormatValues) => string;

/**
 * `const t = useT("Roster"); t("muted")`, `t("inRoom", { count })`: ICU messages of one namespace.
 * A key the provider did not receive throws in development and shows the key in production — the
 * catalog test (tests/unit/i18n/catalogs.test.ts) catches keys missing from the catalogs.
 */
export function useT<N extends Namespace>(namespace: N): Translate<N> {
  const catalog = useContext(Catalog);
  return useMemo(() => {
    const locale = catalog?.locale ?? DEFAULT_LOCALE;
    return (key: string, values?: FormatValues) => {
      const id = `${namespace}.${key}`;
      const message = catalog?.messages[id];
      if (message === undefined) {
        if (process.env.NODE_ENV !== "production")
          throw new Error(
            `i18n: "${id}" was not passed to this client island (add "${namespace}" to <ClientIntl namespaces>)`,
          );
        return id;
      }
      return String(format(message, intlLocale(locale), values, { formatters }));
    };
  }, [catalog, namespace]);
}
