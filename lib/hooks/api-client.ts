"use client";

import type { z } from "zod";
import type {
  AddParticipantResult,
  BudgetResult,
  BulkAddResult,
  CallEveryoneResult,
  DeleteRecordingResult,
  DialResult,
  EndMeetingResult,
  LegCommand,
  LegCommandResult,
  ListenOnlyResult,
  LockResult,
  ModerationResult,
  RetentionResult,
  SaveGuestInput,
  SaveGuestResult,
} from "@/lib/shared/api-schemas";
import type { meetingInputSchema, participantInputSchema } from "@/lib/shared/meeting-schemas";
import { apiUrls } from "@/lib/shared/api-urls";
import type { ExtendResult, LimitSettings } from "@/lib/shared/meeting-limits";
import type { ModerationMode } from "@/lib/shared/phone-keys";
import type { MeetingView } from "@/lib/shared/meeting-view-types";
import type { RosterSnapshot } from "@/lib/shared/roster-types";
import type { RecordingDetails } from "@/lib/recordings/get-recording";
import type { MeetingStatement } from "@/lib/spend/meeting-statement";
import type { WalletView } from "@/lib/spend/wallet-view";

// The app's JSON API as typed functions: the one place in the browser that knows its URLs, methods
// and shapes. Inputs and results are the lib/shared schemas' types (the route handlers parse with
// the same schemas and the domain functions return the same types), so components never build a
// URL or cast a result. Types only: nothing here ships zod to the browser.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** A JSON request to the app's own API; the error envelope becomes an ApiError users can read. */
async function apiFetch<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("Could not reach the server. Check your connection and try again.", 0);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as {
    error?: { message?: string; code?: string; details?: unknown };
  } | null;
  if (!res.ok) {
    const details = Array.isArray(data?.error?.details)
      ? (data.error.details as { path: string; message: string }[])
      : undefined;
    throw new ApiError(
      data?.error?.message ?? `Request failed (${res.status}).`,
      res.status,
      data?.error?.code,
      details,
    );
  }
  return data as T;
}

/** What a meeting form sends (the schema's input: defaults may be left out). */
export type MeetingBody = z.input<typeof meetingInputSchema>;
export type ParticipantBody = z.input<typeof participantInputSchema>;

export const api = {
  meetings: {
    schedule: (body: MeetingBody) => apiFetch<{ meeting: MeetingView }>(apiUrls.meetings, { method: "POST", body }),
    edit: (meetingId: string, body: MeetingBody) =>
      apiFetch<{ meeting: MeetingView }>(apiUrls.meeting(meetingId), { method: "PATCH", body }),
    cancel: (meetingId: string) => apiFetch<{ meeting: MeetingView }>(apiUrls.meeting(meetingId), { method: "DELETE" }),
    roster: (meetingId: string) => apiFetch<RosterSnapshot>(apiUrls.roster(meetingId)),
    statement: (meetingId: string) => apiFetch<MeetingStatement>(apiUrls.statement(meetingId)),
    callEveryone: (meetingId: string) =>
      apiFetch<CallEveryoneResult>(`${apiUrls.meeting(meetingId)}/call-everyone`, { method: "POST" }),
    setLocked: (meetingId: string, locked: boolean) =>
      apiFetch<LockResult>(`${apiUrls.meeting(meetingId)}/lock`, { method: "POST", body: { locked } }),
    setModeration: (meetingId: string, mode: ModerationMode) =>
      apiFetch<ModerationResult>(`${apiUrls.meeting(meetingId)}/moderation`, { method: "POST", body: { mode } }),
    end: (meetingId: string) => apiFetch<EndMeetingResult>(`${apiUrls.meeting(meetingId)}/end`, { method: "POST" }),
    extend: (meetingId: string) => apiFetch<ExtendResult>(`${apiUrls.meeting(meetingId)}/extend`, { method: "POST" }),
    setBudget: (meetingId: string, budgetMinor: number | null) =>
      apiFetch<BudgetResult>(`${apiUrls.meeting(meetingId)}/budget`, { method: "PUT", body: { budgetMinor } }),
    saveGuest: (meetingId: string, body: SaveGuestInput) =>
      apiFetch<SaveGuestResult>(`${apiUrls.meeting(meetingId)}/guests`, { method: "POST", body }),
    legCommand: (meetingId: string, legId: string, command: LegCommand) =>
      apiFetch<LegCommandResult>(`${apiUrls.leg(meetingId, legId)}/${command}`, { method: "POST" }),
  },
  participants: {
    add: (meetingId: string, body: ParticipantBody) =>
      apiFetch<AddParticipantResult>(`${apiUrls.meeting(meetingId)}/participants`, { method: "POST", body }),
    addMany: (meetingId: string, text: string) =>
      apiFetch<BulkAddResult>(`${apiUrls.meeting(meetingId)}/participants/bulk`, { method: "POST", body: { text } }),
    remove: (meetingId: string, participantId: string) =>
      apiFetch<void>(apiUrls.participant(meetingId, participantId), { method: "DELETE" }),
    setReminder: (meetingId: string, participantId: string, remindByCall: boolean | null) =>
      apiFetch<{ participant: { id: string; remindByCall: boolean | null } }>(
        apiUrls.participant(meetingId, participantId),
        { method: "PATCH", body: { remindByCall } },
      ),
    dial: (meetingId: string, participantId: string) =>
      apiFetch<DialResult>(`${apiUrls.participant(meetingId, participantId)}/dial`, { method: "POST" }),
    listenOnly: (meetingId: string, participantId: string) =>
      apiFetch<ListenOnlyResult>(`${apiUrls.participant(meetingId, participantId)}/listen-only`, { method: "POST" }),
    setRole: (meetingId: string, participantId: string, role: "host" | "participant" | "listener") =>
      apiFetch<{ participant: { id: string; name: string; role: string } }>(
        apiUrls.participant(meetingId, participantId),
        {
          method: "PATCH",
          body: { role },
        },
      ),
  },
  recordings: {
    get: (recordingId: string) => apiFetch<{ recording: RecordingDetails }>(apiUrls.recording(recordingId)),
    delete: (recordingId: string) =>
      apiFetch<DeleteRecordingResult>(apiUrls.recording(recordingId), { method: "DELETE" }),
  },
  admin: {
    wallet: () => apiFetch<{ wallet: WalletView }>(apiUrls.wallet),
    setRetention: (retentionDays: number | null) =>
      apiFetch<RetentionResult>(apiUrls.retention, { method: "PUT", body: { retentionDays } }),
    setLimits: (body: LimitSettings) => apiFetch<LimitSettings>(apiUrls.limits, { method: "PUT", body }),
  },
};
