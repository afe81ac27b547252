import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { KeyIn, Namespace } from "@/lib/i18n/catalogs";

/**
 * A page's `generateMetadata` when its <title> is one catalog message, read in the visitor's
 * language at request time: `export const generateMetadata = titleFrom("CallLog", "title");`.
 */
export function titleFrom<N extends Namespace>(namespace: N, key: KeyIn<N>): () => Promise<Metadata> {
  return async () => {
    // The key is checked against the namespace by the signature; inside, one plain lookup.
    const t = (await getTranslations(namespace)) as unknown as (key: string) => string;
    return { title: t(key) };
  };
}
