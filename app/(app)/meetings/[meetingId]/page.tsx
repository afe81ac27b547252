import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingOverview } from "@/components/meetings/meeting-overview";
import { PhoneKeysSection } from "@/components/meetings/phone-keys-section";
import { LiveMeeting } from "@/components/roster/live-meeting";
import { MeetingSpendSection } from "@/components/spend/meeting-spend-section";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { getMeetingView } from "@/lib/meetings/meeting-view";
import { getMeetingRoster } from "@/lib/roster/get-meeting-roster";
import { pageNotFound } from "@/lib/meetings/page-not-found";

export const dynamic = "force-dynamic";

export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await requireActor();
  const { meetingId } = await params;
  const meeting = await getMeetingView(actor, meetingId).catch(pageNotFound);
  const [roster, t] = await Promise.all([
    resolveLocale().then((locale) => getMeetingRoster(actor, meetingId, locale)),
    getTranslations("Meetings"),
  ]);
  return (
    <>
      <PageHeader
        title={meeting.title}
        description={
          <Link href="/meetings" className="text-brand-700 hover:underline">
            {t("allMeetings")}
          </Link>
        }
      />
      <div className="space-y-6">
        <ClientIntl namespaces={["MeetingOverview", "CancelMeeting"]}>
          <MeetingOverview meeting={meeting} />
        </ClientIntl>
        <ClientIntl namespaces={["Roster", "AddPeople", "Meetings.status", "SautikitStatus"]}>
          <LiveMeeting meetingId={meeting.id} initial={roster} />
        </ClientIntl>
        <PhoneKeysSection />
        <MeetingSpendSection actor={actor} meetingId={meeting.id} />
      </div>
    </>
  );
}
