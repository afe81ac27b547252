import { PageHeader } from "@/components/ui/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";

export const metadata = { title: "New meeting" };

export default async function NewMeetingPage() {
  await requireActor();
  return (
    <>
      <PageHeader
        title="New meeting"
        description="Schedule a phone meeting. You add people and call them on the next page."
      />
      <div className="max-w-2xl">
        <ClientIntl namespaces={["MeetingCalls"]}>
          <MeetingForm />
        </ClientIntl>
      </div>
    </>
  );
}
