import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { CancelMeetingButton } from "@/components/meetings/cancel-meeting-button";
import { ViewerTime } from "@/components/meetings/viewer-time";
import { groupPin, inviteText } from "@/lib/meetings/invite-text";
import { intlLocale } from "@/lib/i18n/locales";
import { phoneKeyLines } from "@/lib/meetings/phone-key-lines";
import { formatInZone } from "@/lib/shared/meeting-time";
import { apiUrls } from "@/lib/shared/api-urls";
import type { MeetingView } from "@/lib/shared/meeting-view-types";

/**
 * When, where to dial, the PINs, the settings, and the invitation (copy or .ics). A server
 * component: only the copy and cancel buttons and the viewer's local time run in the browser.
 */
export async function MeetingOverview({ meeting }: { meeting: MeetingView }) {
  const [t, tm, locale] = await Promise.all([
    getTranslations("MeetingOverview"),
    getTranslations("Meetings"),
    getLocale(),
  ]);
  const start = new Date(meeting.startsAt);
  const text = inviteText({ ...meeting, startsAt: start, phoneKeys: phoneKeyLines() }, locale);
  const editable = meeting.status === "scheduled" || meeting.status === "live";
  const settings = [
    t("waitForHost", { on: String(meeting.waitForHost) }),
    t("endOnHostExit", { on: String(meeting.endOnHostExit) }),
    t("beep", { on: String(meeting.beep) }),
    t("capacity", { count: meeting.capacity }),
    t("record", { on: String(meeting.record) }),
    t("promptLanguage", { language: meeting.language }),
    t("recurrence", { weekly: String(meeting.recurrence === "weekly") }),
    t("callAtStart", { on: String(meeting.callAtStart) }),
    t("remindByCall", { on: String(meeting.remindByCall), minutes: meeting.reminderMinutes }),
  ];

  return (
    <Card>
      <CardHeader
        title={t("details")}
        actions={
          <div className="flex flex-wrap gap-2">
            <a className={buttonClasses("secondary", "sm")} href={apiUrls.meetingIcs(meeting.id)} download>
              {t("downloadIcs")}
            </a>
            <CopyButton value={text} label={t("copyInvite")} />
            {editable ? (
              <Link className={buttonClasses("secondary", "sm")} href={`/meetings/${meeting.id}/edit`}>
                {t("edit")}
              </Link>
            ) : null}
            {meeting.status === "scheduled" ? <CancelMeetingButton meetingId={meeting.id} /> : null}
          </div>
        }
      />
      <CardBody>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("when")}</dt>
            <dd>
              {formatInZone(start, meeting.timeZone, intlLocale(locale))} ·{" "}
              {tm("minutes", { count: meeting.durationMinutes })}
              <ViewerTime startsAt={meeting.startsAt} timeZone={meeting.timeZone} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("dialIn")}</dt>
            <dd>
              {meeting.dialInDisplay ?? t("noDialIn")} · {t("pin")}{" "}
              <span className="font-mono" data-testid="meeting-pin">
                {groupPin(meeting.pin)}
              </span>
              <div className="text-slate-500">
                {t("hostPin")} <span className="font-mono">{groupPin(meeting.hostPin)}</span>
              </div>
            </dd>
          </div>
          {meeting.agenda ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("agenda")}</dt>
              <dd className="whitespace-pre-line">{meeting.agenda}</dd>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("settings")}</dt>
            <dd>{settings.join(" · ")}</dd>
          </div>
        </dl>
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-slate-700">{t("inviteText")}</summary>
          <pre
            className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-slate-800"
            data-testid="invite-text"
          >
            {text}
          </pre>
        </details>
      </CardBody>
    </Card>
  );
}
