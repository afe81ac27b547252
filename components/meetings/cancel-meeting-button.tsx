"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch } from "@/lib/hooks/api-fetch";
import { useT } from "@/lib/i18n/client";

/** Cancels a scheduled meeting after a confirmation; the server-rendered page then refreshes. */
export function CancelMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const announce = useStatusMessage();
  const t = useT("CancelMeeting");

  async function cancel() {
    try {
      await apiFetch(`/api/meetings/${meetingId}`, { method: "DELETE" });
      announce(t("cancelled"));
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
      onConfirm={cancel}
    />
  );
}
