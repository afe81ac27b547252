"use client";

import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch } from "@/lib/hooks/api-fetch";

/** Cancels a scheduled meeting after a confirmation; the server-rendered page then refreshes. */
export function CancelMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const announce = useStatusMessage();

  async function cancel() {
    try {
      await apiFetch(`/api/meetings/${meetingId}`, { method: "DELETE" });
      announce("Meeting cancelled");
      router.refresh();
    } catch (err) {
      announce(err instanceof Error ? err.message : "Could not cancel.", "error");
    }
  }

  return <ConfirmDialog trigger="Cancel meeting" title="Cancel this meeting?" description="Nobody will be called. This cannot be undone." confirmLabel="Cancel meeting" onConfirm={cancel} />;
}
