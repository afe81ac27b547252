// Finds full phone numbers in a raw response body, in any form a page, JSON, SSE frame or CSV
// could carry one: E.164 ("+254712345678"), international with any grouping ("+254 712 345 678",
// "+254-712-345678"), without the plus ("254712345678") and national ("0712 345 678"). The
// national significant digits are looked for with up to three separator characters (space,
// no-break space, dash, dot, brackets, an escaped or encoded space) between any two of them.

const SEPARATOR = String.raw`(?:[\s\u00a0().-]|\\u00a0|%20|&nbsp;|&#160;){0,3}`;

export function leakPattern(e164: string, nationalDigits = 9): RegExp {
  const national = e164.replace(/\D/g, "").slice(-nationalDigits);
  return new RegExp([...national].join(SEPARATOR));
}

/** The numbers among `numbers` that `body` carries in full. */
export function leakedNumbers(body: string, numbers: readonly string[]): string[] {
  return numbers.filter((n) => leakPattern(n).test(body));
}
