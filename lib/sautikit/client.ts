import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { sautikitRequest, type SautikitHttpConfig, type SautikitRequest } from "@/lib/sautikit/http";
import {
  createCallRequestSchema,
  type CreateCallInput,
  type listCallsQuerySchema,
} from "@/lib/sautikit/contract/calls";
import type { ConferenceCommandRequest } from "@/lib/sautikit/contract/conference-events";
import type { RoutingInput } from "@/lib/sautikit/contract/numbers";
import { sautikitCodeOf, sautikitStatusOf } from "@/lib/sautikit/map-error";
import {
  lenientCallStatsSchema,
  lenientConferenceCommandResponseSchema,
  lenientCreateCallResponseSchema,
  lenientGetCallResponseSchema,
  lenientHangupResponseSchema,
  lenientListCallsResponseSchema,
  lenientNumbersResponseSchema,
  lenientPricingSchema,
  lenientRecordingPendingSchema,
  lenientWalletSchema,
} from "@/lib/sautikit/responses";

// A typed client for the Sautikit endpoints the app uses. Request and response bodies keep the
// wire's snake_case names so nothing is translated twice; every response is parsed, not trusted.

// Request types are the contract's (what the emulator accepts); responses are read leniently
// (lib/sautikit/responses.ts, derived from the same contract). Types are imported from where they
// are defined, never re-exported from here.
/** The contract's list filters; `limit` is a number on the way out (the contract coerces it on the way in). */
export type ListCallsQuery = Omit<z.input<typeof listCallsQuerySchema>, "limit"> & { limit?: number };
export type ConferenceCommand = ConferenceCommandRequest["command"];
export type RecordingLookup =
  | { status: "ready"; url: string }
  | { status: "pending"; retryAfterSeconds: number }
  | { status: "unavailable"; reason: string };

export type RateLimitInfo = { limit?: number; remaining?: number };

export function createSautikitClient(config: SautikitHttpConfig) {
  const call = async <S extends z.ZodType>(schema: S, req: SautikitRequest) => {
    const res = await sautikitRequest(config, req);
    return { data: parseResponse(schema, res.body, res.requestId), res };
  };
  const enc = encodeURIComponent;

  return {
    calls: {
      /** Places one outbound call. The key must come from domain ids so a retry never dials twice. */
      async create(input: CreateCallInput, opts: { idempotencyKey: string }) {
        if (!opts.idempotencyKey) throw new AppError("INTERNAL", "idempotencyKeyMissing");
        // The contract's own request schema: a call Sautikit would refuse is never sent.
        const valid = createCallRequestSchema.safeParse(stripUndefined(input));
        if (!valid.success) {
          const issue = valid.error.issues[0];
          throw new AppError("VALIDATION", "callRequestInvalid", {
            params: { field: issue?.path.join(".") || "request", problem: issue?.message ?? "is invalid" },
          });
        }
        const { data, res } = await call(lenientCreateCallResponseSchema, {
          method: "POST",
          path: "/v1/calls",
          body: stripUndefined(valid.data),
          idempotencyKey: opts.idempotencyKey.slice(0, 255),
        });
        const rateLimit: RateLimitInfo = {
          limit: numberHeader(res.headers, "x-ratelimit-limit"),
          remaining: numberHeader(res.headers, "x-ratelimit-remaining"),
        };
        return {
          ...data,
          replayed: res.headers.get("idempotent-replay") === "true",
          rateLimit,
          requestId: res.requestId,
        };
      },
      async get(id: string) {
        return (await call(lenientGetCallResponseSchema, { method: "GET", path: `/v1/calls/${enc(id)}` })).data.call;
      },
      async list(query: ListCallsQuery = {}) {
        return (await call(lenientListCallsResponseSchema, { method: "GET", path: "/v1/calls", query })).data;
      },
      /** Sautikit's own totals since `since` (today | 7d | month | an RFC 3339 time). */
      async stats(query: { since: string; bucket?: "hour" | "day" }) {
        return (await call(lenientCallStatsSchema, { method: "GET", path: "/v1/calls/stats", query })).data;
      },
      /** Idempotent on Sautikit's side, so safe to retry without a key. */
      async hangup(id: string) {
        return (
          await call(lenientHangupResponseSchema, {
            method: "POST",
            path: `/v1/calls/${enc(id)}/hangup`,
            idempotent: true,
          })
        ).data;
      },
      async recording(id: string): Promise<RecordingLookup> {
        const res = await sautikitRequest(config, {
          method: "GET",
          path: `/v1/calls/${enc(id)}/recording`,
          accept: [302, 202, 410],
        });
        if (res.status === 302) {
          const url = res.headers.get("location");
          if (!url) throw new AppError("SAUTIKIT_REJECTED", "recordingRedirectNoLocation");
          return { status: "ready", url };
        }
        if (res.status === 410) return { status: "unavailable", reason: readReason(res.body) };
        const pending = lenientRecordingPendingSchema.safeParse(res.body);
        // The SDK assumes 30 s when Sautikit leaves the hint out.
        return { status: "pending", retryAfterSeconds: (pending.success && pending.data.retry_after_seconds) || 30 };
      },
      async deleteRecording(id: string): Promise<void> {
        await sautikitRequest(config, { method: "DELETE", path: `/v1/calls/${enc(id)}/recording` });
      },
    },
    conferences: {
      /** Live mute/unmute/kick. Errors carry Sautikit's code: `conferences.not_live`, or 404/405 when unsupported. */
      async command(room: string, command: ConferenceCommand, participantCallId: string) {
        return (
          await call(lenientConferenceCommandResponseSchema, {
            method: "POST",
            path: `/v1/conferences/${enc(room)}/commands`,
            body: { command, participant: participantCallId },
            idempotent: true,
          })
        ).data;
      },
    },
    numbers: {
      async list() {
        return (await call(lenientNumbersResponseSchema, { method: "GET", path: "/v1/numbers" })).data.numbers;
      },
      async route(numberId: string, routing: RoutingInput) {
        await sautikitRequest(config, { method: "PATCH", path: `/v1/numbers/${enc(numberId)}/routing`, body: routing });
      },
    },
    wallet: {
      async balance() {
        return (await call(lenientWalletSchema, { method: "GET", path: "/v1/wallet/balance" })).data;
      },
    },
    async pricing() {
      return (await call(lenientPricingSchema, { method: "GET", path: "/v1/public/pricing" })).data;
    },
  };
}

export type SautikitClient = ReturnType<typeof createSautikitClient>;

/** True when a conference-command error means the endpoint itself is missing (fall back to hangup). */
export function isCommandUnsupported(e: unknown): boolean {
  const status = sautikitStatusOf(e);
  return status === 405 || (status === 404 && sautikitCodeOf(e) !== "conferences.not_live");
}

function parseResponse<S extends z.ZodType>(schema: S, body: unknown, requestId?: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError("SAUTIKIT_REJECTED", "sautikitUnexpected", {
    requestId,
    details: { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`) },
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function numberHeader(h: Headers, name: string): number | undefined {
  const v = h.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}

function readReason(body: unknown): string {
  if (typeof body === "object" && body !== null) {
    const b = body as Record<string, unknown>;
    if (typeof b.reason === "string") return b.reason;
    if (typeof b.code === "string") return b.code;
  }
  return "recording_unavailable";
}
