"use client";

import { useMemo } from "react";
import { useLocale } from "@/lib/i18n/client";
import { formatterFor, type Format } from "@/lib/shared/format";

/** Money, numbers and dates in the page's language, for client islands (lib/shared/format.ts). */
export function useFormat(): Format {
  const locale = useLocale();
  return useMemo(() => formatterFor(locale), [locale]);
}
