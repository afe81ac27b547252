// A Content-Disposition header that cannot be broken out of (RFC 6266): the plain `filename` is an
// ASCII fallback with nothing that needs quoting, and `filename*` carries the real name in UTF-8,
// percent-encoded. Names come from user input (meeting titles), so both are built from a
// sanitised name: letters, digits, spaces, dots, dashes and underscores only.

/** Letters and digits of any script, plus `._ -`; everything else dropped; never empty. */
export function safeFileStem(name: string, fallback: string, maxLength = 60): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\p{M} ._-]+/gu, "")
    .trim()
    .replace(/\s+/g, "-")
    .replace(/^\.+/, "");
  return [...cleaned].slice(0, maxLength).join("") || fallback;
}

export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
