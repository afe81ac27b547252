import { isAppError } from "@/lib/errors";

// Why a figure read live from Sautikit is missing, for the page to say in the reader's language:
// the workspace has no connection yet (an admin can fix it), or Sautikit did not answer in time.

export type UnavailableReason = "not_connected" | "unavailable";

export function unavailableReason(err: unknown): UnavailableReason {
  return isAppError(err) && err.code === "SAUTIKIT_NOT_CONNECTED" ? "not_connected" : "unavailable";
}
