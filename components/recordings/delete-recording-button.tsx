"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";

/** Admins only: deletes the recording at Sautikit after a confirmation. */
export function DeleteRecordingButton({ recordingId, label }: { recordingId: string; label: string }) {
  const router = useRouter();
  const { run } = useApiAction();
  const t = useT("DeleteRecording");
  return (
    <ConfirmDialog
      trigger={t("trigger")}
      title={t("title")}
      description={t("description", { label })}
      confirmLabel={t("confirm")}
      onConfirm={async () => {
        await run("delete", () => api.recordings.delete(recordingId), {
          done: (r) => (r.deletedAtSautikit ? t("deleted") : t("hidden")),
          failed: t("failed"),
          then: () => router.refresh(),
        });
      }}
    />
  );
}
