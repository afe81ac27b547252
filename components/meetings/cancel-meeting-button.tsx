"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";

/** Cancels a scheduled meeting after a confirmation; the server-rendered page then refreshes. */
export function CancelMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const { run } = useApiAction();
  const t = useT("CancelMeeting");

  async function cancel() {
    await run("cancel", () => api.meetings.cancel(meetingId), {
      done: () => t("cancelled"),
      failed: t("failed"),
      then: () => router.refresh(),
    });
  }

  return (
    <ConfirmDialog
      trigger={t("trigger")}
      title={t("title")}
      description={t("description")}
      confirmLabel={t("confirm")}
      onConfirm={cancel}
    />
  );
}
