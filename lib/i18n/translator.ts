import "server-only";
import { createTranslator } from "use-intl/core";
import { CATALOGS, type Namespace } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A translator for code that runs outside a page render (e-mail, .ics, CSV, errors sent to the
 * phone side, jobs): the locale is passed in, not read from the request. Pages, layouts, route
 * handlers and actions use next-intl's `getTranslations` instead (it knows the request's locale).
 */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: CATALOGS[locale], namespace });
}

/** A translator scoped to one namespace, as handed to a helper (`(t: Translator<"Ns">) => …`). */
export type Translator<N extends Namespace> = ReturnType<typeof translatorFor<N>>;
