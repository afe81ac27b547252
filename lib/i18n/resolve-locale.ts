import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/actor";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language of this request: the signed-in user's choice (profile), else the visitor's cookie
 * (set by the switcher on the sign-in pages), else the browser's Accept-Language, else English.
 */
export const resolveLocale = cache(async (): Promise<Locale> => {
  const user = await getSessionUser();
  if (user && isLocale(user.locale)) return user.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});
