import type { Actor } from "@/lib/auth/actor";
import { Notice, NoticeLink } from "@/components/ui/notice";
import { findConnection } from "@/lib/sautikit/connection";
import { storedRouting } from "@/lib/sautikit/check-routing";
import { getTranslations } from "next-intl/server";

/** Admins only: the last routing check found the numbers pointed elsewhere (fixed on Settings → Sautikit). */
export async function RoutingBanner({ actor }: { actor: Actor }) {
  if (actor.role !== "admin") return null;
  const conn = await findConnection(actor.workspaceId);
  const routing = conn ? storedRouting(conn) : null;
  if (!routing?.problems.length) return null;
  const t = await getTranslations("SautikitStatus");
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-4 sm:px-6">
      <Notice tone="error" title={t("routingMismatch")} testId="routing-banner">
        {t("routingMismatchHelp")} <NoticeLink href="/settings/sautikit" label={t("rerouteNumbers")} />
      </Notice>
    </div>
  );
}
