import "server-only";

// Sautikit sends form-encoded bodies for voice callbacks and conference events and JSON for call
// events, but the content type is not a promise worth betting a meeting on: read both.

export type ParsedBody = { format: "json" | "form"; fields: Record<string, unknown> };

export function parseBody(text: string, contentType: string | null): ParsedBody | null {
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
