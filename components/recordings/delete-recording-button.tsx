"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch, ApiError } from "@/lib/hooks/api-fetch";

/** Admins only: deletes the recording at Sautikit after a confirmation. */
export function DeleteRecordingButton({ recordingId, label }: { recordingId: string; label: string }) {
  const router = useRouter();
  const announce = useStatusMessage();
  return (
    <ConfirmDialog
      trigger="Delete"
      title="Delete this recording?"
      description={`The recording of ${label} is deleted at Sautikit and cannot be recovered.`}
      confirmLabel="Delete recording"
      onConfirm={async () => {
        try {
          const r = await apiFetch<{ deletedAtSautikit: boolean }>(`/api/recordings/${recordingId}`, {
            method: "DELETE",
          });
          announce(
            r.deletedAtSautikit ? "Recording deleted." : "Sautikit cannot delete recordings; it is hidden in Mkutano.",
          );
          router.refresh();
        } catch (e) {
          announce(e instanceof ApiError ? e.message : "Could not delete the recording.", "error");
        }
      }}
    />
  );
}
