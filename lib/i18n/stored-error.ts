import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppError } from "@/lib/errors";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { errorText } from "@/lib/i18n/error-text";
import type { Locale } from "@/lib/i18n/locales";
import type { ErrorKey, ErrorMessage, ErrorParams } from "@/lib/shared/error-keys";

// An error kept in the database to be shown later to whoever looks (a refused dial on the roster,
// the Sautikit connection's last problem) is stored as its English text plus its message key in the
// Errors catalog and the key's values (ADR 0025), so each reader gets it in their own language.
// Rows written before the key was kept, or whose key the catalog has since dropped, show the text.

/** The key and values columns for an error: `{ key, params }` ready for Prisma. */
export function errorMessageColumns(err: AppError): {
  key: string;
  params: Prisma.InputJsonObject | typeof Prisma.DbNull;
} {
  return { key: err.key, params: (err.params as Prisma.InputJsonObject | undefined) ?? Prisma.DbNull };
}

const isParams = (v: unknown): v is ErrorParams => typeof v === "object" && v !== null && !Array.isArray(v);

/** The stored key and values, if the catalog still has the key. */
export function storedErrorMessage(key: string | null, params: unknown): ErrorMessage | null {
  if (!key || !Object.hasOwn(CATALOGS.en.Errors, key)) return null;
  return { key: key as ErrorKey, ...(isParams(params) ? { params } : {}) };
}

/** A stored error in `locale`: from its key when kept, else the stored English `text`. */
export function storedErrorText(locale: Locale, message: ErrorMessage | null, text: string): string {
  return message ? errorText(locale, message.key, message.params) : text;
}
