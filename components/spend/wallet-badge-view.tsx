"use client";

import { useEffect, useState } from "react";
import { Link } from "@/components/ui/link";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/i18n/use-format";
import type { WalletView } from "@/lib/spend/wallet-view";

/** How often an unavailable balance is asked for again (the layout is not re-rendered on navigation). */
export const WALLET_RETRY_MS = 15_000;

/**
 * The header's wallet badge. Rendered with the server's reading; while that reading is
 * "unavailable" (Sautikit down, a timeout) it asks again every WALLET_RETRY_MS until Sautikit
 * answers, so the badge recovers without a full page load.
 */
export function WalletBadgeView({ initial }: { initial: WalletView }) {
  // A fresher reading replaces the server's only until the server renders a new one.
  const [fresh, setFresh] = useState<{ from: WalletView; wallet: WalletView } | null>(null);
  const t = useT("WalletBadge");
  const fmt = useFormat();
  const wallet = fresh && fresh.from === initial ? fresh.wallet : initial;
  useEffect(() => {
    if (wallet.status === "ok") return;
    let stopped = false;
    const timer = setInterval(() => {
      if (document.visibilityState === "hidden") return;
      api.admin
        .wallet()
        .then((r) => {
          if (!stopped && r.wallet.status === "ok") setFresh({ from: initial, wallet: r.wallet });
        })
        .catch(() => {});
    }, WALLET_RETRY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [wallet.status, initial]);

  if (wallet.status !== "ok") {
    return (
      <Link
        href="/admin/spend"
        className="hidden text-xs text-slate-500 hover:underline sm:inline"
        data-testid="wallet-badge"
      >
        {t("unavailable")}
      </Link>
    );
  }
  return (
    <Link
      href="/admin/spend"
      data-testid="wallet-badge"
      title={wallet.low ? t("lowTitle", { threshold: fmt.kes(wallet.lowThresholdMinor) }) : t("title")}
      className={
        "inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset " +
        (wallet.low
          ? "bg-amber-50 text-amber-900 ring-amber-300"
          : "bg-slate-50 text-slate-700 ring-slate-200 hover:bg-slate-100")
      }
    >
      {wallet.low ? <span aria-hidden="true">⚠</span> : null}
      <span className="sr-only">{t("balance")}</span>
      {fmt.kes(wallet.balanceMinor)}
      {wallet.low ? <span>{t("low")}</span> : null}
    </Link>
  );
}
