import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingList } from "@/components/meetings/meeting-list";
import { requireActor } from "@/lib/auth/actor";
import { listMeetings } from "@/lib/meetings/list-meetings";

export const metadata = { title: "Meetings" };

export default async function MeetingsPage() {
  const actor = await requireActor();
  const { upcoming, past } = await listMeetings(actor);
  const newButton = (
    <Link href="/meetings/new" className={buttonClasses("primary", "md")}>
      New meeting
    </Link>
  );
  return (
    <>
      <PageHeader title="Meetings" description={`Phone meetings in ${actor.workspaceName}.`} actions={newButton} />
      {upcoming.length === 0 && past.length === 0 ? (
        <EmptyState title="No meetings yet" description="Schedule a meeting, add people by phone, and call them all with one click." action={newButton} />
      ) : (
        <div className="space-y-8">
          <MeetingList title="Upcoming" meetings={upcoming} empty="Nothing scheduled." />
          <MeetingList title="Past" meetings={past} empty="No past meetings." />
        </div>
      )}
    </>
  );
}
