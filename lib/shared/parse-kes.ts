// Reading an amount typed into a spend form (display formatting is lib/shared/format.ts).

/** "12.50" (KES) → 1250 minor units; null for an empty or invalid amount. */
export function parseKesToMinor(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}
