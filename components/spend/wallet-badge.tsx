import type { Actor } from "@/lib/auth/actor";
import { getWallet } from "@/lib/spend/get-wallet";
import { WalletBadgeView } from "@/components/spend/wallet-badge-view";
import { ClientIntl } from "@/lib/i18n/client-intl";

/** Admins only: the Sautikit wallet balance in the header, amber with a warning when it runs low. */
export async function WalletBadge({ actor }: { actor: Actor }) {
  if (actor.role !== "admin") return null;
  return (
    <ClientIntl namespaces={["WalletBadge"]}>
      <WalletBadgeView initial={await getWallet(actor.workspaceId)} />
    </ClientIntl>
  );
}
