import type { ReactNode } from "react";
import { NavLinks } from "@/components/layout/nav-links";
import { requireActor } from "@/lib/auth/actor";

const items = [
  { href: "/admin/calls", label: "Call log" },
  { href: "/admin/spend", label: "Spend" },
  { href: "/admin/webhooks", label: "Webhook log" },
  { href: "/admin/audit", label: "Audit log" },
];

// Admin review pages. Each page checks the role itself too: a layout is not re-run on client navigation.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireActor({ admin: true });
  return (
    <>
      <nav aria-label="Admin" className="mb-6 border-b border-slate-200 pb-2">
        <NavLinks items={items} />
      </nav>
      {children}
    </>
  );
}
