import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { MeetingLink } from "@/components/meetings/meeting-link";
import type { MeetingListItem } from "@/lib/meetings/list-meetings";
import { intlLocale } from "@/lib/i18n/locales";
import { meetingBadgeStatus, meetingBadgeTone } from "@/lib/shared/meeting-badge";
import { formatInZone } from "@/lib/shared/meeting-time";

export async function MeetingList({
  title,
  meetings,
  empty,
}: {
  title: string;
  meetings: MeetingListItem[];
  empty: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("Meetings"), getLocale()]);
  return (
    <section aria-labelledby={`list-${title}`}>
      <h2 id={`list-${title}`} className="mb-2 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {meetings.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {meetings.map((m) => {
            const badge = meetingBadgeStatus(m.status, m.callsUnderWay);
            return (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div>
                  <MeetingLink id={m.id} title={m.title} />
                  <div className="text-xs text-slate-500">
                    {formatInZone(new Date(m.startsAt), m.timeZone, intlLocale(locale))} ·{" "}
                    {t("minutes", { count: m.durationMinutes })}
                    {m.recurrence === "weekly" ? ` · ${t("weekly")}` : ""} ·{" "}
                    {t("people", { count: m.participantCount })}
                  </div>
                </div>
                <Badge tone={meetingBadgeTone[badge]}>
                  <span data-testid="meeting-list-status">{t(`status.${badge}`)}</span>
                </Badge>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
