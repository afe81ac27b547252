import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Disclosure } from "@/components/layout/disclosure";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { signOutAction } from "@/lib/auth/session-actions";

export async function UserMenu({ name, email, role }: { name: string; email: string; role: "admin" | "organiser" }) {
  const [t, tRoles] = await Promise.all([getTranslations("UserMenu"), getTranslations("Roles")]);
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
  return (
    <Disclosure
      testId="user-menu"
      buttonLabel={t("accountMenuFor", { name })}
      buttonClassName="flex h-9 w-9 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white hover:bg-brand-800"
      // The initials are drawn by CSS, not written as text: the button's name is "Account menu for
      // …", and visible text that is not part of that name confuses voice control.
      label={
        <span aria-hidden="true" data-initials={initials || "?"} className="before:content-[attr(data-initials)]" />
      }
    >
      <div className="border-b border-slate-100 px-3 py-2">
        <p className="truncate text-sm font-medium text-slate-900">{name}</p>
        <p className="truncate text-xs text-slate-500">{email}</p>
        <p className="mt-1 text-xs text-slate-500">{t("roleInWorkspace", { role: tRoles(role) })}</p>
      </div>
      <LanguageSwitcher className="border-b border-slate-100 px-3 py-2" />
      <Link href="/profile" className="block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
        {t("profile")}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
          {t("signOut")}
        </button>
      </form>
    </Disclosure>
  );
}
