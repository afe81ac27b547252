import { getLocale, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/i18n/locale-actions";

/** Two buttons, each language named in itself; the current one is pressed. Works without JavaScript. */
export async function LanguageSwitcher({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("Language")]);
  return (
    <form action={setLocaleAction} className={className}>
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">{t("label")}</legend>
        <span aria-hidden="true" className="mr-1 text-xs text-slate-500">
          {t("label")}
        </span>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            className={cn(
              "rounded-md px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
              l === locale ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {LOCALE_NAMES[l]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
