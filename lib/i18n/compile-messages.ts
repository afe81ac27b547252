import "server-only";
import compile from "icu-minify/compile";
import { CATALOGS, type Namespace } from "@/lib/i18n/catalogs";
import type { ClientMessages } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";

const compiled = new Map<string, ClientMessages>();

function flatten(prefix: string, value: unknown, into: Record<string, string>): void {
  if (typeof value === "string") into[prefix] = value;
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, into);
}

/** One namespace of one language, compiled once per process. */
export function compiledNamespace(locale: Locale, namespace: Namespace): ClientMessages {
  const cacheKey = `${locale}:${namespace}`;
  let messages = compiled.get(cacheKey);
  if (!messages) {
    const flat: Record<string, string> = {};
    const root = namespace
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGS[locale]);
    if (root === undefined) throw new Error(`i18n: no namespace "${namespace}" in the ${locale} catalog`);
    flatten(namespace, root, flat);
    // icu-minify builds plural/select options as null-prototype objects, which React will not pass
    // to a client component: a JSON round trip makes them plain data (they are JSON by design).
    messages = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(flat).map(([id, text]) => [id, compile(text)]))),
    ) as ClientMessages;
    compiled.set(cacheKey, messages);
  }
  return messages;
}
