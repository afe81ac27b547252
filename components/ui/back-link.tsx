import { Link } from "@/components/ui/link";

/** The way back up, above a sub-page's heading (e.g. "← Settings" on Settings → Members). */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-brand-700 hover:underline">
        {label}
      </Link>
    </p>
  );
}
