// The wallet as the header badge and the spend pages see it (shared with the browser).
export type WalletView =
  | { status: "ok"; balanceMinor: number; currency: string; lowThresholdMinor: number; low: boolean }
  | { status: "unavailable"; message: string };
