import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { MeetingListItem } from "@/lib/meetings/list-meetings";
import { formatInZone } from "@/lib/shared/meeting-time";

const tone = { scheduled: "info", live: "success", ended: "neutral", cancelled: "danger" } as const;

export function MeetingList({ title, meetings, empty }: { title: string; meetings: MeetingListItem[]; empty: string }) {
  return (
    <section aria-labelledby={`list-${title}`}>
      <h2 id={`list-${title}`} className="mb-2 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {meetings.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {meetings.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 hover:underline">
                  {m.title}
                </Link>
                <div className="text-xs text-slate-500">
                  {formatInZone(new Date(m.startsAt), m.timeZone)} · {m.durationMinutes} min{m.recurrence === "weekly" ? " · weekly" : ""} ·{" "}
                  {m.participantCount} {m.participantCount === 1 ? "person" : "people"}
                </div>
              </div>
              <Badge tone={tone[m.status as keyof typeof tone] ?? "neutral"}>{m.status}</Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
