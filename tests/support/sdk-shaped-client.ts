import { randomUUID } from "node:crypto";

// A small client with the public surface and wire behaviour of the official Node SDK
// (`@sautikit/node` 0.5.0: client.calls.* and client.webrtc.mintToken), written here from its
// published shapes and documented behaviour — not its code. The conformance test drives the
// emulator through it, so the emulator is checked against what the SDK sends and expects:
//   - every request: `Authorization: Bearer`, `Accept: application/json`; `Content-Type:
//     application/json` only when there is a body; bodies are JSON; undefined params are left out;
//   - `Idempotency-Key` generated on calls.create and calls.supervise unless given;
//   - 2xx: an empty body is undefined, JSON is parsed, anything else is returned as text;
//   - non-2xx: SdkError from `{ error: { code, message, request_id } }` or the bare `{ code, reason }`,
//     falling back to `http_<status>`;
//   - recording(): `redirect: "manual"`, 302 → ready, 202 → pending (30 s when no hint).

export type CallEvent = {
  id: string;
  call_id: string;
  kind: string;
  payload: Record<string, unknown> | null;
  occurred_at: string;
  created_at: string;
};

export type Call = {
  id: string;
  workspace_id: string;
  session_id: string | null;
  direction: "inbound" | "outbound";
  local_e164: string;
  remote_e164: string;
  country: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  status: string;
  cost_minor: number;
  cost_currency: string | null;
  rate_per_minute_minor: number | null;
  failure_code: string | null;
  metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  events: CallEvent[];
};

export type CreateCallParams = {
  from: string;
  to: string | string[];
  callerId?: string;
  voiceCallbackUrl?: string;
  idempotencyKey?: string;
  clientRequestId?: string;
};
export type CreateCallResponse = { call_id?: string; session_id?: string; status: string; client_request_id?: string };
export type HangupResponse = { call_id: string; status: string };
export type ListCallsParams = {
  status?: string;
  direction?: "inbound" | "outbound";
  q?: string;
  sessionId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
};
export type CallListPage = { data: Call[]; next_cursor: string | null };
export type StatsBucket = {
  start: string;
  total: number;
  inbound: number;
  outbound: number;
  completed: number;
  missed: number;
  failed: number;
  spend_minor: number;
};
export type CallStats = {
  total: number;
  failed: number;
  minutes_total: number;
  spend_minor: number;
  currency: string;
  series?: StatsBucket[];
};
export type RecordingResult = { status: "ready"; url: string } | { status: "pending"; retryAfterSeconds: number };

export type SupervisionMode = "listen" | "whisper" | "barge";
export type SupervisionAnnounce = "none" | "agent" | "both";
export type SupervisorTarget =
  { type: "client"; identity: string } | { type: "sip"; identity: string } | { type: "phone"; number: string };
export type SupervisionState = "connecting" | "ringing" | "connected" | "ended" | "failed";
export type CallSupervision = {
  supervision_id: string;
  call_id: string;
  session_id: string;
  supervisor_leg_id?: string;
  mode: SupervisionMode;
  announce: SupervisionAnnounce;
  supervisor: { type: "client" | "sip" | "phone"; identity?: string; number?: string; label?: string };
  notify_agent: boolean;
  state: SupervisionState;
  connected_at?: string;
  ended_at?: string;
  created_at: string;
};
export type SuperviseParams = {
  mode: SupervisionMode;
  supervisor: SupervisorTarget;
  announce?: SupervisionAnnounce;
  label?: string;
  notifyAgent?: boolean;
  idempotencyKey?: string;
};

export type MintWebRTCTokenParams = {
  clientName?: string;
  role?: string;
  tenantNumberId?: string;
  phoneNumber?: string;
};
export type WebRTCToken = {
  token: string;
  endpoint?: string;
  protocol?: string;
  clientName?: string;
  sipProfile?: Record<string, unknown>;
  turnServer?: Record<string, unknown>;
  expiresIn?: number;
  [key: string]: unknown;
};

export class SdkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Every request the client made, as sent (for asserting the wire behaviour). */
export type SentRequest = { method: string; url: string; headers: Record<string, string>; body?: string };

type Query = Record<string, string | number | undefined>;

export function createSdkShapedClient(opts: { apiKey: string; baseUrl: string }) {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const sent: SentRequest[] = [];

  const raw = async (
    method: string,
    path: string,
    o: { query?: Query; body?: unknown; headers?: Record<string, string>; redirect?: "manual" } = {},
  ) => {
    const qs = Object.entries(o.query ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    const url = `${base}${path}${qs ? `?${qs}` : ""}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${opts.apiKey}`,
      Accept: "application/json",
      ...o.headers,
    };
    let body: string | undefined;
    if (o.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(o.body);
    }
    sent.push({ method, url, headers, ...(body !== undefined ? { body } : {}) });
    return fetch(url, { method, headers, body, ...(o.redirect ? { redirect: o.redirect } : {}) });
  };
  const parse = async (res: Response): Promise<unknown> => {
    const text = await res.text();
    if (text === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  const fail = (status: number, body: unknown): SdkError => {
    const b = (typeof body === "object" && body !== null ? body : {}) as {
      error?: { code?: string; message?: string; request_id?: string };
      code?: string;
      reason?: string;
    };
    if (b.error)
      return new SdkError(
        status,
        b.error.code ?? `http_${status}`,
        b.error.message ?? `request failed with status ${status}`,
        b.error.request_id,
        body,
      );
    if (b.code)
      return new SdkError(status, b.code, b.reason ?? `request failed with status ${status}`, undefined, body);
    return new SdkError(status, `http_${status}`, `request failed with status ${status}`, undefined, body);
  };
  const request = async <T>(method: string, path: string, o: Parameters<typeof raw>[2] = {}): Promise<T> => {
    const res = await raw(method, path, o);
    const body = await parse(res);
    if (res.status >= 200 && res.status < 300) return body as T;
    throw fail(res.status, body);
  };
  const enc = encodeURIComponent;
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

  return {
    sent,
    calls: {
      create: (p: CreateCallParams) =>
        request<CreateCallResponse>("POST", "/v1/calls", {
          headers: { "Idempotency-Key": p.idempotencyKey ?? randomUUID() },
          body: defined({
            from: p.from,
            to: Array.isArray(p.to) ? p.to : [p.to],
            caller_id: p.callerId,
            voice_callback_url: p.voiceCallbackUrl,
            client_request_id: p.clientRequestId,
          }),
        }),
      get: async (id: string) => (await request<{ call: Call }>("GET", `/v1/calls/${enc(id)}`)).call,
      list: (p: ListCallsParams = {}) =>
        request<CallListPage>("GET", "/v1/calls", {
          query: {
            status: p.status,
            direction: p.direction,
            q: p.q,
            session_id: p.sessionId,
            from: p.from,
            to: p.to,
            cursor: p.cursor,
            limit: p.limit,
          },
        }),
      stats: (since?: "today" | "7d" | "month" | string, bucket?: "hour" | "day") =>
        request<CallStats>("GET", "/v1/calls/stats", { query: { since, bucket } }),
      hangup: (id: string) => request<HangupResponse>("POST", `/v1/calls/${enc(id)}/hangup`),
      recording: async (id: string): Promise<RecordingResult> => {
        const res = await raw("GET", `/v1/calls/${enc(id)}/recording`, { redirect: "manual" });
        if (res.status === 302) {
          const url = res.headers.get("location");
          if (!url) throw new Error("recording redirect carried no Location header");
          return { status: "ready", url };
        }
        if (res.status === 202) {
          const body = (await res.json()) as { retry_after_seconds?: number };
          return {
            status: "pending",
            retryAfterSeconds: typeof body.retry_after_seconds === "number" ? body.retry_after_seconds : 30,
          };
        }
        throw fail(res.status, await parse(res));
      },
      supervise: (id: string, p: SuperviseParams) =>
        request<CallSupervision>("POST", `/v1/calls/${enc(id)}/supervision`, {
          headers: { "Idempotency-Key": p.idempotencyKey ?? randomUUID() },
          body: defined({
            mode: p.mode,
            supervisor: p.supervisor,
            announce: p.announce,
            label: p.label,
            notify_agent: p.notifyAgent,
          }),
        }),
      setSupervisionMode: (id: string, mode: SupervisionMode) =>
        request<CallSupervision>("PATCH", `/v1/calls/${enc(id)}/supervision`, { body: { mode } }),
      stopSupervision: async (id: string): Promise<void> => {
        await request<undefined>("DELETE", `/v1/calls/${enc(id)}/supervision`);
      },
      getSupervision: async (id: string) =>
        (await request<{ supervision: CallSupervision | null }>("GET", `/v1/calls/${enc(id)}/supervision`)).supervision,
    },
    webrtc: {
      mintToken: (p: MintWebRTCTokenParams = {}) =>
        request<WebRTCToken>("POST", "/v1/webrtc/token", {
          body: defined({
            client_name: p.clientName,
            role: p.role,
            tenant_number_id: p.tenantNumberId,
            phone_number: p.phoneNumber,
          }),
        }),
    },
  };
}

export type SdkShapedClient = ReturnType<typeof createSdkShapedClient>;

/** The SDK 0.5.0 methods, by name: the conformance test must call each of them. */
export const SDK_METHODS = [
  "calls.create",
  "calls.get",
  "calls.list",
  "calls.stats",
  "calls.hangup",
  "calls.recording",
  "calls.supervise",
  "calls.setSupervisionMode",
  "calls.stopSupervision",
  "calls.getSupervision",
  "webrtc.mintToken",
] as const;
