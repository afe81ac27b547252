import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { RoutingBanner } from "@/components/layout/routing-banner";
import { SkipLink } from "@/components/layout/skip-link";
import { WalletBadge } from "@/components/spend/wallet-badge";
import { StatusMessageProvider } from "@/components/ui/status-message";
import { getSessionUser, requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";

// The signed-in shell. Pages still call requireActor() themselves: a layout is not re-run on every
// client navigation, so it cannot be the only check.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return (
    // The shared UI primitives' few words (copy, confirm) reach every page's client islands.
    <ClientIntl namespaces={["CopyButton", "ConfirmDialog", "ErrorPage"]}>
      <StatusMessageProvider>
        <SkipLink />
        <AppHeader actor={actor} workspaces={user.workspaces} extra={<WalletBadge actor={actor} />} />
        <RoutingBanner actor={actor} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-8 focus:outline-none sm:px-6">
          {children}
        </main>
      </StatusMessageProvider>
    </ClientIntl>
  );
}
