import { createCallRequestSchema, listCallsQuerySchema, type CallStatus } from "../../lib/sautikit/contract/calls";
import type { Emulator } from "../context";
import { HttpError, apiError, ok, parseJson, parseValue } from "../http/respond";
import type { ApiRoutes } from "./api-routes";
import type { RateDecision } from "./rate-limit";
import { callJson } from "./call-json";

// /v1/calls: create (+ /originate alias), list, get, hangup.

export function callsRoutes(api: ApiRoutes): void {
  const { em } = api;
  // Every POST /v1/calls answer carries X-RateLimit-*; only a request that gets as far as dialling takes a token.
  const create = api.authedHandler((ctx, ws) => {
    let headers = rateHeaders(em, em.rateLimiter.peek(ws.id));
    try {
      const body = parseJson(ctx, createCallRequestSchema);
      const rate = em.rateLimiter.take(ws.id);
      headers = rateHeaders(em, rate);
      if (!rate.allowed)
        throw apiError("rate_limited", `Too many calls: at most ${rate.limit} per second.`, undefined, {
          "Retry-After": String(rate.retryAfterSeconds),
        });
      if (ws.balance_minor <= 0)
        throw apiError("wallet.insufficient_funds", "The wallet balance is zero or below; top up to place calls.");
      const call = em.calls.createOutbound(ws, body);
      return ok(
        {
          call_id: call.id,
          session_id: call.session_id,
          status: "ringing",
          ...(call.client_request_id ? { client_request_id: call.client_request_id } : {}),
        },
        201,
        headers,
      );
    } catch (error) {
      if (error instanceof HttpError) Object.assign(error.headers, headers);
      throw error;
    }
  });
  api.open("POST", "/v1/calls", create);
  api.open("POST", "/v1/calls/originate", create);

  api.authed("GET", "/v1/calls", (ctx, ws) => {
    const query = parseValue(Object.fromEntries(ctx.url.searchParams), listCallsQuerySchema);
    const from = query.from ? toMs(query.from) : -Infinity;
    const to = query.to ? toMs(query.to) : Infinity;
    const statuses = query.status as CallStatus[] | undefined;
    const matches = [...em.store.calls.values()]
      .filter((c) => c.workspace_id === ws.id)
      .filter((c) => !statuses || statuses.includes(c.status))
      .filter((c) => !query.direction || c.direction === query.direction)
      .filter((c) => !query.session_id || c.session_id === query.session_id)
      .filter((c) => !query.q || c.remote_e164.includes(query.q) || c.session_id.includes(query.q))
      .filter((c) => {
        const t = Date.parse(c.started_at);
        return t >= from && t <= to;
      })
      .reverse();
    let start = 0;
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const index = matches.findIndex((c) => c.id === after);
      if (index < 0) throw apiError("validation.failed", "cursor: unknown or expired cursor");
      start = index + 1;
    }
    const page = matches.slice(start, start + query.limit);
    const more = start + query.limit < matches.length;
    return ok({ data: page.map(callJson), next_cursor: more ? encodeCursor(page[page.length - 1]!.id) : null });
  });

  api.onCall("GET", "/v1/calls/:id", (_ctx, call) => ok({ call: callJson(call) }));

  api.onCall("POST", "/v1/calls/:id/hangup", (_ctx, call) => {
    em.calls.hangupFromApi(call);
    return ok({ call_id: call.id, status: "hung_up" });
  });
}

function toMs(v: string): number {
  return /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
}

const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");
const decodeCursor = (cursor: string) => Buffer.from(cursor, "base64url").toString("utf8");

function rateHeaders(em: Emulator, rate: RateDecision): Record<string, string> {
  if (!em.rateLimiter.enabled) return {};
  return { "X-RateLimit-Limit": String(rate.limit), "X-RateLimit-Remaining": String(rate.remaining) };
}
