import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Disclosure } from "@/components/layout/disclosure";
import type { ActorWorkspace } from "@/lib/auth/actor";
import { switchWorkspaceAction } from "@/lib/auth/session-actions";

/** Lists the user's workspaces; choosing one makes it current (a cookie validated on every request). */
export async function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: { id: string; name: string };
  workspaces: ActorWorkspace[];
}) {
  const [t, tRoles] = await Promise.all([getTranslations("WorkspaceSwitcher"), getTranslations("Roles")]);
  return (
    <Disclosure
      testId="workspace-switcher"
      buttonLabel={t("buttonLabel", { name: current.name })}
      align="left"
      buttonClassName="inline-flex max-w-[9rem] items-center sm:max-w-[14rem] gap-1 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      label={
        <>
          <span className="truncate">{current.name}</span>
          <span aria-hidden="true" className="text-slate-400">
            ▾
          </span>
        </>
      }
    >
      <p className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("yourWorkspaces")}</p>
      <ul>
        {workspaces.map((w) => (
          <li key={w.id}>
            <form action={switchWorkspaceAction}>
              <input type="hidden" name="workspaceId" value={w.id} />
              <button
                type="submit"
                aria-current={w.id === current.id ? "true" : undefined}
                className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-100 aria-[current=true]:font-semibold"
              >
                <span className="truncate">{w.name}</span>
                <span className="text-xs text-slate-500">{tRoles(w.role)}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      <div className="mt-1 border-t border-slate-100 pt-1">
        <Link href="/workspaces/new" className="block px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100">
          {t("newWorkspace")}
        </Link>
      </div>
    </Disclosure>
  );
}
