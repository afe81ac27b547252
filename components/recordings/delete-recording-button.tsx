"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";

/** Admins only: deletes the recording at Sautikit after a confirmation. */
export function DeleteRecordingButton({ recordingId, label }: { recordingId: string; label: string }) {
  const router = useRouter();
  const { run } = useApiAction();
  return (
    <ConfirmDialog
      trigger="Delete"
      title="Delete this recording?"
      description={`The recording of ${label} is deleted at Sautikit and cannot be recovered.`}
      confirmLabel="Delete recording"
      onConfirm={async () => {
        await run("delete", () => api.recordings.delete(recordingId), {
          done: (r) =>
            r.deletedAtSautikit ? "Recording deleted." : "Sautikit cannot delete recordings; it is hidden in Mkutano.",
          failed: "Could not delete the recording.",
          then: () => router.refresh(),
        });
      }}
    />
  );
}
