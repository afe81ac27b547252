// Display formatting for money, numbers, dates and sizes in the reader's language; isomorphic and
// deterministic (admin figures use a fixed zone, East Africa Time), so server and browser render
// the same text. Server code gets a bound set with `getFormat()` (lib/i18n/get-format.ts), client
// islands with `useFormat()` (lib/i18n/client.tsx); code with an explicit recipient (e-mail, CSV)
// calls `formatterFor(locale)`.

import { DATE_TIME_PARTS } from "@/lib/shared/format-in-zone";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";

const ADMIN_ZONE = "Africa/Nairobi";
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const amount = (locale: Locale) =>
  cached(
    `amount:${locale}`,
    () => new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  );

/**
 * "KES 1,234.50": the ISO code rather than Intl's "Ksh" symbol, which reads the same in both
 * languages and matches Sautikit's statements; digits grouped per the language.
 */
export function formatKes(minor: number, locale: Locale = DEFAULT_LOCALE): string {
  return `KES ${amount(locale).format(minor / 100)}`;
}

export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

const dateTimeOptions = { timeZone: ADMIN_ZONE, ...DATE_TIME_PARTS } as const;

/** "3 Dec 2026, 13:05 EAT" / "3 Des 2026, 13:05 EAT"; "—" for no value. */
export function formatDateTime(
  value: string | number | Date | null,
  locale: Locale = DEFAULT_LOCALE,
  opts: { seconds?: boolean } = {},
): string {
  if (value === null) return "—";
  const f = opts.seconds
    ? cached(
        `dts:${locale}`,
        () =>
          new Intl.DateTimeFormat(intlLocale(locale), {
            ...dateTimeOptions,
            year: undefined,
            second: "2-digit",
          }),
      )
    : cached(`dt:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), dateTimeOptions));
  return `${f.format(new Date(value))} EAT`;
}

/** "13:05:09" in East Africa Time. */
export function formatTime(value: string | number | Date | null, locale: Locale = DEFAULT_LOCALE): string {
  if (value === null) return "—";
  return cached(
    `t:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: ADMIN_ZONE,
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      }),
  ).format(new Date(value));
}

/** "2026-12" → "December 2026" / "Desemba 2026". */
export function formatMonth(month: string, locale: Locale = DEFAULT_LOCALE): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return cached(
    `m:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", month: "long", year: "numeric" }),
  ).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function formatBytes(bytes: number | null, locale: Locale = DEFAULT_LOCALE): string {
  if (bytes === null) return "—";
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  const one = (n: number) =>
    cached(`b1:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 })).format(n);
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), locale)} KB`;
  return `${one(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** "4:05" / "1:02:03": a clock-style length, the same in both languages. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

export type Format = ReturnType<typeof formatterFor>;

/** Every formatter bound to one language. */
export function formatterFor(locale: Locale) {
  return {
    locale,
    duration: formatDuration,
    kes: (minor: number) => formatKes(minor, locale),
    number: (value: number) => formatNumber(value, locale),
    dateTime: (value: string | number | Date | null, opts?: { seconds?: boolean }) =>
      formatDateTime(value, locale, opts),
    time: (value: string | number | Date | null) => formatTime(value, locale),
    month: (month: string) => formatMonth(month, locale),
    bytes: (bytes: number | null) => formatBytes(bytes, locale),
  };
}
