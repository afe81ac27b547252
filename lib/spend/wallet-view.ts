import type { UnavailableReason } from "@/lib/sautikit/unavailable-reason";

// The wallet as the header badge and the spend pages see it (shared with the browser). When it
// cannot be read, the reason is a code the page says in the reader's language.
export type WalletView =
  | { status: "ok"; balanceMinor: number; currency: string; lowThresholdMinor: number; low: boolean }
  | { status: "unavailable"; reason: UnavailableReason };
