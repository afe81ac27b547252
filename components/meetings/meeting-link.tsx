import { Link } from "@/components/ui/link";

/** A meeting's title as a link to its page, as the lists, logs and recordings show it. */
export function MeetingLink({ id, title, bold = true }: { id: string; title: string; bold?: boolean }) {
  return (
    <Link href={`/meetings/${id}`} className={`${bold ? "font-medium " : ""}text-brand-700 hover:underline`}>
      {title}
    </Link>
  );
}
