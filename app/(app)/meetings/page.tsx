import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingList } from "@/components/meetings/meeting-list";
import { requireActor } from "@/lib/auth/actor";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Meetings", "title");

export default async function MeetingsPage() {
  const actor = await requireActor();
  const [{ upcoming, past }, t] = await Promise.all([listMeetings(actor), getTranslations("Meetings")]);
  const newButton = (
    <Link href="/meetings/new" className={buttonClasses("primary", "md")}>
      {t("newMeeting")}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { workspace: actor.workspaceName })}
        actions={newButton}
      />
      {upcoming.length === 0 && past.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} action={newButton} />
      ) : (
        <div className="space-y-8">
          <MeetingList title={t("upcoming")} meetings={upcoming} empty={t("nothingScheduled")} />
          <MeetingList title={t("past")} meetings={past} empty={t("noPast")} />
        </div>
      )}
    </>
  );
}
