import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppError } from "@/lib/errors";
import { errorMessageColumns } from "@/lib/i18n/stored-error";

// The Sautikit connection's "last problem" (shown on the settings page in the reader's language):
// the English text for logs and old readers, and the message key with its values.

export function lastErrorColumns(err: AppError) {
  const { key, params } = errorMessageColumns(err);
  return { lastError: err.message, lastErrorKey: key, lastErrorParams: params };
}

export const NO_LAST_ERROR = { lastError: null, lastErrorKey: null, lastErrorParams: Prisma.DbNull };
