import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

/**
 * The language to answer an error in, chosen as pages choose it (lib/i18n/resolve-locale.ts: the
 * user's profile, the cookie, Accept-Language). Looking it up must not turn one error into another
 * (the database may be what failed, or there is no request scope): English then. Loaded on first
 * use, so the route wrapper does not pull the session code (Auth.js) into every importer.
 */
export async function readerLocale(): Promise<Locale> {
  try {
    const { resolveLocale } = await import("@/lib/i18n/resolve-locale");
    return await resolveLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}
