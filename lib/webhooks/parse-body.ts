import "server-only";

// Sautikit sends form-encoded bodies for voice callbacks and conference events and JSON for call
// events, but the content type is not a promise worth betting a meeting on: read both.

export type ParsedBody = { format: "json" | "form"; fields: Record<string, unknown> };

/**
 * Every string (and key) of a parsed body in a form PostgreSQL text and jsonb can hold: U+0000 and
 * lone UTF-16 surrogates (from "\\ud800"-style JSON escapes) become U+FFFD. A signed event holding
 * them must still be stored and applied (an id so marked matches nothing of ours); the exact bytes
 * are kept beside it (event-store storableRawBody).
 */
export function storableJson(value: unknown): unknown {
  // Almost every body holds nothing to replace: then it is used as parsed, not copied.
  return hasUnstorable(value) ? storableCopy(value) : value;
}

function storableCopy(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD");
  if (Array.isArray(value)) return value.map(storableCopy);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableCopy(k) as string, storableCopy(v)]));
  }
  return value;
}

function hasUnstorable(value: unknown): boolean {
  if (typeof value === "string") return HAS_UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(hasUnstorable);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) if (HAS_UNSTORABLE.test(k) || hasUnstorable(v)) return true;
  }
  return false;
}
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The same pattern without the global flag, whose `lastIndex` would make `test` stateful. */
const HAS_UNSTORABLE = new RegExp(UNSTORABLE.source);

export function parseBody(text: string, contentType: string | null): ParsedBody | null {
  const parsed = parseFields(text, contentType);
  return parsed && { format: parsed.format, fields: storableJson(parsed.fields) as Record<string, unknown> };
}

function parseFields(text: string, contentType: string | null): ParsedBody | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const looksJson = /^\s*\{/.test(text);
  if (type === "application/json" || type.endsWith("+json") || looksJson) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === "object" && value !== null && !Array.isArray(value))
        return { format: "json", fields: value as Record<string, unknown> };
    } catch {
      if (type === "application/json") return null;
    }
    if (type === "application/json") return null;
  }
  if (text.trim() === "") return { format: "form", fields: {} };
  // Last value wins for a repeated key, as in the contract's own parser.
  return { format: "form", fields: Object.fromEntries(new URLSearchParams(text)) };
}
