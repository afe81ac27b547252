"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch, ApiError } from "@/lib/hooks/api-fetch";
import { useT } from "@/lib/i18n/client";

/** Admins only: deletes the recording at Sautikit after a confirmation. */
export function DeleteRecordingButton({ recordingId, label }: { recordingId: string; label: string }) {
  const router = useRouter();
  const announce = useStatusMessage();
  const t = useT("DeleteRecording");
  return (
    <ConfirmDialog
      trigger={t("trigger")}
      title={t("title")}
      description={t("description", { label })}
      confirmLabel={t("confirm")}
      onConfirm={async () => {
        try {
          const r = await apiFetch<{ deletedAtSautikit: boolean }>(`/api/recordings/${recordingId}`, {
            method: "DELETE",
          });
          announce(r.deletedAtSautikit ? t("deleted") : t("hidden"));
          router.refresh();
        } catch (e) {
          announce(e instanceof ApiError ? e.message : t("failed"), "error");
        }
      }}
    />
  );
}
