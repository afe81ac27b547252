import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/catalogs";

// Typed keys for next-intl's getTranslations / createTranslator (a missing key is a type error).
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
