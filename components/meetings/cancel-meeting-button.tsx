"use client";

import { useRouter } from "next/navigation";
import { focusMeetingStatus } from "@/components/meetings/meeting-status-focus";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { mutateLiveData } from "@/lib/hooks/use-live-data";
import { apiUrls } from "@/lib/shared/api-urls";
import { useT } from "@/lib/i18n/client";

/**
 * Cancels a scheduled meeting after a confirmation. The server-rendered details refresh, and the
 * live roster's cached snapshot is refetched at once (it would otherwise keep showing "Scheduled"
 * and Call everyone until the next push).
 */
export function CancelMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const { run } = useApiAction();
  const t = useT("CancelMeeting");

  async function cancel() {
    await run("cancel", () => api.meetings.cancel(meetingId), {
      done: () => t("cancelled"),
      failed: t("failed"),
      then: async () => {
        await Promise.all([mutateLiveData(apiUrls.roster(meetingId)), mutateLiveData(apiUrls.statement(meetingId))]);
        router.refresh();
      },
    });
  }

  return (
    <ConfirmDialog
      trigger={t("trigger")}
      title={t("title")}
      description={t("description")}
      confirmLabel={t("confirm")}
      cancelLabel={t("keep")}
      onConfirm={cancel}
      focusAfterConfirm={focusMeetingStatus}
    />
  );
}
