import Link from "next/link";
import { Disclosure } from "@/components/layout/disclosure";
import { signOutAction } from "@/lib/auth/session-actions";

export function UserMenu({ name, email, role }: { name: string; email: string; role: "admin" | "organiser" }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
  return (
    <Disclosure
      testId="user-menu"
      buttonLabel={`Account menu for ${name}`}
      buttonClassName="flex h-9 w-9 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white hover:bg-brand-700"
      label={<span aria-hidden="true">{initials || "?"}</span>}
    >
      <div className="border-b border-slate-100 px-3 py-2">
        <p className="truncate text-sm font-medium text-slate-900">{name}</p>
        <p className="truncate text-xs text-slate-500">{email}</p>
        <p className="mt-1 text-xs text-slate-500">{role === "admin" ? "Admin" : "Organiser"} in this workspace</p>
      </div>
      <Link href="/profile" className="block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
        Your profile
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </Disclosure>
  );
}
