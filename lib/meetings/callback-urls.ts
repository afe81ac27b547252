import "server-only";
import { env } from "@/lib/env";

// URLs Sautikit calls back. The signature does not cover the URL, so the ids in the query string
// are hints only; routes match legs by the call id and client_request_id in the signed body.

function base(workspaceId: string): string {
  return `${env().APP_BASE_URL.replace(/\/+$/, "")}/api/sautikit/${encodeURIComponent(workspaceId)}`;
}

export function outboundVoiceUrl(workspaceId: string, meetingId: string): string {
  return `${base(workspaceId)}/voice/outbound?meetingId=${encodeURIComponent(meetingId)}`;
}

export function conferenceEventsUrl(workspaceId: string, meetingId: string): string {
  return `${base(workspaceId)}/conference/events?meetingId=${encodeURIComponent(meetingId)}`;
}

export function holdMusicUrl(): string {
  return `${env().APP_BASE_URL.replace(/\/+$/, "")}/audio/hold.wav`;
}

/** Deterministic per (meeting, participant, attempt): a retried or double-clicked dial reuses it. */
export function legIdempotencyKey(meetingId: string, participantId: string, attempt: number): string {
  return `${meetingId}:${participantId}:${attempt}`;
}
