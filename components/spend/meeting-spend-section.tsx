import type { Actor } from "@/lib/auth/actor";
import { meetingStatement } from "@/lib/spend/meeting-statement";
import { LateMeetingSpendPanel } from "@/components/spend/late-meeting-spend-panel";
import { ClientIntl } from "@/lib/i18n/client-intl";

/** Server half of the meeting page's cost section: the first statement is rendered with the page. */
export async function MeetingSpendSection({ actor, meetingId }: { actor: Actor; meetingId: string }) {
  const statement = await meetingStatement(actor, meetingId);
  return (
    <ClientIntl namespaces={["SpendPanel", "BudgetForm"]}>
      <LateMeetingSpendPanel initial={statement} />
    </ClientIntl>
  );
}
