import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Disclosure } from "@/components/layout/disclosure";
import { NavLinks, type NavItem } from "@/components/layout/nav-links";
import { UserMenu } from "@/components/layout/user-menu";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";
import type { Actor, ActorWorkspace } from "@/lib/auth/actor";

async function navItemsFor(role: Actor["role"]): Promise<NavItem[]> {
  const t = await getTranslations("Nav");
  const items: NavItem[] = [
    { href: "/meetings", label: t("meetings") },
    { href: "/recordings", label: t("recordings") },
  ];
  if (role === "admin") {
    items.push(
      { href: "/admin/calls", label: t("callLog") },
      { href: "/admin/spend", label: t("spend") },
      { href: "/settings", label: t("settings") },
    );
  }
  return items;
}

export async function AppHeader({
  actor,
  workspaces,
  extra,
}: {
  actor: Actor;
  workspaces: ActorWorkspace[];
  extra?: ReactNode;
}) {
  const [items, t] = await Promise.all([navItemsFor(actor.role), getTranslations("Shell")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/meetings" className="shrink-0 text-lg font-bold tracking-tight text-brand-700">
          Mkutano
        </Link>
        <div className="min-w-0">
          <WorkspaceSwitcher current={{ id: actor.workspaceId, name: actor.workspaceName }} workspaces={workspaces} />
        </div>
        {/* Five links, the switcher and the account controls only fit side by side from lg up. */}
        <nav aria-label={t("mainNav")} className="ml-2 hidden lg:block">
          <NavLinks items={items} />
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <div className="lg:hidden">
            <Disclosure
              label={t("menu")}
              buttonClassName="rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700"
              testId="mobile-menu"
            >
              <nav aria-label={t("mainNavMobile")}>
                <NavLinks items={items} vertical />
              </nav>
              {extra ? <div className="border-t border-slate-100 px-3 py-2 sm:hidden">{extra}</div> : null}
            </Disclosure>
          </div>
          {extra ? <div className="hidden sm:block">{extra}</div> : null}
          <UserMenu name={actor.name} email={actor.email} role={actor.role} />
        </div>
      </div>
    </header>
  );
}
