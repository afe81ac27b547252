import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getWallet } from "@/lib/spend/get-wallet";
import { formatKes } from "@/lib/shared/cost";

/** Admins only: the Sautikit wallet balance in the header, amber with a warning when it runs low. */
export async function WalletBadge({ actor }: { actor: Actor }) {
  if (actor.role !== "admin") return null;
  const wallet = await getWallet(actor.workspaceId);
  if (wallet.status !== "ok") {
    return (
      <Link href="/admin/spend" className="hidden text-xs text-slate-500 hover:underline sm:inline" data-testid="wallet-badge">
        Wallet: unavailable
      </Link>
    );
  }
  return (
    <Link
      href="/admin/spend"
      data-testid="wallet-badge"
      title={wallet.low ? `Low balance: at or below ${formatKes(wallet.lowThresholdMinor)}. Top up the Sautikit wallet.` : "Sautikit wallet balance"}
      className={
        "inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset " +
        (wallet.low ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-slate-50 text-slate-700 ring-slate-200 hover:bg-slate-100")
      }
    >
      {wallet.low ? <span aria-hidden="true">⚠</span> : null}
      <span className="sr-only">Wallet balance:</span>
      {formatKes(wallet.balanceMinor)}
      {wallet.low ? <span>· Low balance</span> : null}
    </Link>
  );
}
