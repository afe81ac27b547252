import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Stores a user's language; every page, e-mail and error they get afterwards uses it. Null forgets
 * the choice, so the browser's Accept-Language decides again.
 */
export async function setUserLocale(userId: string, locale: Locale | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
