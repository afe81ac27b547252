import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getMeetingView } from "@/lib/meetings/meeting-view";
import { pageNotFound } from "@/lib/meetings/page-not-found";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("MeetingForm", "editTitle");

export default async function EditMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await requireActor();
  const { meetingId } = await params;
  const meeting = await getMeetingView(actor, meetingId).catch(pageNotFound);
  const t = await getTranslations("MeetingForm");
  return (
    <>
      <PageHeader title={t("editHeading", { title: meeting.title })} />
      <div className="max-w-2xl">
        <ClientIntl namespaces={["MeetingForm", "MeetingCalls"]}>
          <MeetingForm meeting={meeting} />
        </ClientIntl>
      </div>
    </>
  );
}
