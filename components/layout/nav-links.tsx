"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type NavItem = { href: string; label: string };

/** Primary navigation; the current section gets aria-current="page". */
export function NavLinks({ items, vertical }: { items: NavItem[]; vertical?: boolean }) {
  const pathname = usePathname();
  return (
    <ul className={cn("flex gap-1", vertical ? "flex-col p-2" : "flex-wrap items-center")}>
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
