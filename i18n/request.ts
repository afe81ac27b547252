import { getRequestConfig } from "next-intl/server";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { resolveLocale } from "@/lib/i18n/resolve-locale";

// next-intl's per-request configuration (found by the plugin in next.config.mjs). No locale in
// the URL: the language follows the user (see lib/i18n/resolve-locale.ts).
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: CATALOGS[locale] };
});
