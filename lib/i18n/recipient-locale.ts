import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language of an e-mail: the recipient's own choice when they have an account and made one;
 * otherwise (someone invited who has no account yet) the sender's, since the sender knows who they
 * are writing to; else English. Never the language of whoever's request happens to send it.
 */
export async function recipientLocale(recipientEmail: string, senderUserId?: string | null): Promise<Locale> {
  const recipient = await db.user.findUnique({ where: { email: recipientEmail }, select: { locale: true } });
  if (isLocale(recipient?.locale)) return recipient.locale;
  if (senderUserId) {
    const sender = await db.user.findUnique({ where: { id: senderUserId }, select: { locale: true } });
    if (isLocale(sender?.locale)) return sender.locale;
  }
  return DEFAULT_LOCALE;
}
