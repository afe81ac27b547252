import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";

export const metadata = { title: "Meetings" };

// Placeholder until the meetings list lands.
export default async function MeetingsPage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader title="Meetings" description={`Phone meetings in ${actor.workspaceName}.`} />
      <EmptyState title="No meetings yet" description="Schedule a meeting and Mkutano will phone everyone at the start time." />
    </>
  );
}
