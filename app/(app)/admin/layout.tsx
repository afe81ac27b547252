import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { NavLinks } from "@/components/layout/nav-links";
import { requireActor } from "@/lib/auth/actor";

// Admin review pages. Each page checks the role itself too: a layout is not re-run on client navigation.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor({ admin: true });
  const t = await getTranslations("AdminNav");
  const items = [
    { href: "/admin/calls", label: t("callLog") },
    { href: "/admin/spend", label: t("spend") },
    { href: "/admin/webhooks", label: t("webhooks") },
    { href: "/admin/audit", label: t("audit") },
  ];
  return (
    <>
      <nav aria-label={t("label")} className="mb-6 border-b border-slate-200 pb-2">
        <NavLinks items={items} />
      </nav>
      {children}
    </>
  );
}
