"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/actor";
import { workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { setUserLocale } from "@/lib/i18n/set-user-locale";

// "auto" (profile page only) forgets the choice: the browser's Accept-Language decides again.
const localeForm = z.object({ locale: z.enum([...LOCALES, "auto"]) });

/**
 * The language switcher (user menu; sign-in pages; profile). Signed in, the choice is stored on
 * the user; the cookie carries it for signed-out visitors and across sign-in. Setting a cookie in
 * an action makes Next re-render the current page, so it comes back in the new language at once.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeForm.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return; // only our own buttons post here; anything else changes nothing
  const { locale } = parsed.data;
  const user = await getSessionUser();
  if (user) await setUserLocale(user.id, locale === "auto" ? null : locale);
  const jar = await cookies();
  if (locale === "auto") jar.delete(LOCALE_COOKIE);
  else jar.set(LOCALE_COOKIE, locale, workspaceCookieOptions());
}
