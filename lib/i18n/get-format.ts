import "server-only";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { formatterFor, type Format } from "@/lib/shared/format";

/** Money, numbers and dates in this request's language (server components, handlers). */
export async function getFormat(): Promise<Format> {
  return formatterFor(await resolveLocale());
}
