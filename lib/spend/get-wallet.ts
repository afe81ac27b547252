import "server-only";
import { cache } from "react";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { LOW_BALANCE_THRESHOLD_MINOR } from "@/lib/sautikit/contract/constants";
import { noteSautikitAnswered } from "@/lib/sautikit/reachability";
import { unavailableReason } from "@/lib/sautikit/unavailable-reason";
import type { WalletView } from "@/lib/spend/wallet-view";

// The workspace's Sautikit wallet, read live (it is debited at every hangup). Cached per request,
// so the header badge and a page can both show it for one round trip.

export type { WalletView } from "@/lib/spend/wallet-view";

export const getWallet = cache(async (workspaceId: string): Promise<WalletView> => {
  try {
    const client = await getSautikitClient(workspaceId, { maxAttempts: 1, timeoutMs: 4_000 });
    const w = await client.wallet.balance();
    const lowThresholdMinor = w.low_balance_threshold_minor ?? LOW_BALANCE_THRESHOLD_MINOR;
    // Sautikit answered: a dial queue held back by an outage may go again.
    await noteSautikitAnswered(workspaceId).catch(() => {});
    return {
      status: "ok",
      balanceMinor: w.balance_minor,
      currency: w.currency,
      lowThresholdMinor,
      low: w.balance_minor <= lowThresholdMinor,
    };
  } catch (err) {
    log.warn({ err, workspaceId }, "wallet balance unavailable");
    return { status: "unavailable", reason: unavailableReason(err) };
  }
});
