import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("MeetingForm", "newTitle");

export default async function NewMeetingPage() {
  await requireActor();
  const t = await getTranslations("MeetingForm");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <div className="max-w-2xl">
        <ClientIntl namespaces={["MeetingForm", "MeetingCalls"]}>
          <MeetingForm />
        </ClientIntl>
      </div>
    </>
  );
}
