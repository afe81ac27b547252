// The languages the web app speaks, shared by server and browser code (no server-only imports).

export const LOCALES = ["en", "sw"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Cookie holding a visitor's chosen language (signed out, or before the profile is read). */
export const LOCALE_COOKIE = "mkutano_locale";

/** Each language's name in that language, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", sw: "Kiswahili" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The BCP 47 tag handed to Intl for dates, times, numbers and money: Kenyan conventions in both
 * languages (KES, day-month order, 24-hour clock where the locale data says so).
 */
export function intlLocale(locale: Locale): string {
  return locale === "sw" ? "sw-KE" : "en-KE";
}

/**
 * The best supported language for an `Accept-Language` header: the highest-q range whose primary
 * subtag is one we speak (`sw-TZ` → sw, `en-GB` → en); `*` and unknown ranges are skipped.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        primary: (tag ?? "").trim().toLowerCase().split("-")[0]!,
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.map((r) => r.primary).find(isLocale) ?? null;
}
