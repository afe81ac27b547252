"use client";

import { useRouter } from "next/navigation";
import { useSWRConfig } from "swr";
import { focusMeetingStatus } from "@/components/meetings/meeting-status-focus";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { useT } from "@/lib/i18n/client";

/**
 * Cancels a scheduled meeting after a confirmation. The server-rendered details refresh, and the
 * live roster's cached snapshot is refetched at once (it would otherwise keep showing "Scheduled"
 * and Call everyone until the next push).
 */
export function CancelMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const announce = useStatusMessage();
  const t = useT("CancelMeeting");

  async function cancel() {
    try {
      await apiFetch(`/api/meetings/${meetingId}`, { method: "DELETE" });
      announce(t("cancelled"));
      await Promise.all([mutate(`/api/meetings/${meetingId}/roster`), mutate(`/api/meetings/${meetingId}/statement`)]);
      router.refresh();
    } catch (err) {
      announce(err instanceof Error ? err.message : t("failed"), "error");
    }
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
