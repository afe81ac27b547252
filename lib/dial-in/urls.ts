import "server-only";
import { env } from "@/lib/env";

// Where Sautikit posts the keys a host presses in the room. Like every callback URL the query is
// unsigned, so the meeting id is a hint only: the handler matches the room name and the call id.
export function conferenceDigitsUrl(workspaceId: string, meetingId: string): string {
  const base = env().APP_BASE_URL.replace(/\/+$/, "");
  return `${base}/api/sautikit/${encodeURIComponent(workspaceId)}/conference/digits?meetingId=${encodeURIComponent(meetingId)}`;
}
