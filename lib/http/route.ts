import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError, toErrorResponse } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { log } from "@/lib/log";
import { readJsonBody } from "@/lib/http/read-body";
import { isMutation, isSameOriginRequest } from "@/lib/http/same-origin";

export type RouteContext<P> = { params: P; requestId: string };
export type RouteResult = Response | object | null | undefined | void;
type NextContext<P> = { params: Promise<P> };

export type RouteOptions = {
  /** Skip the Origin / Sec-Fetch-Site check (server-to-server callbacks that verify a signature instead). */
  crossOrigin?: boolean;
};

/**
 * Wraps a route handler: request id, CSRF origin check for mutations, and one error mapping
 * (AppError → its status, ZodError → 422, anything else → logged 500 with a generic message), the
 * message in the reader's language (a server-to-server route's stays English).
 * Return a Response to send it as is, a value to send it as JSON, or nothing for 204.
 */
export function route<P extends Record<string, string | string[]> = Record<string, string>>(
  handler: (req: Request, ctx: RouteContext<P>) => Promise<RouteResult> | RouteResult,
  opts: RouteOptions = {},
): (req: Request, ctx: NextContext<P>) => Promise<Response> {
  return async (req, nextCtx) => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      if (!opts.crossOrigin && isMutation(req.method) && !isSameOriginRequest(req)) {
        throw new AppError("FORBIDDEN", "crossSite");
      }
      const params = ((await nextCtx?.params) ?? {}) as P;
      // No id of ours holds U+0000 (PostgreSQL text cannot): refuse it before any query sees it.
      if (
        Object.values(params)
          .flat()
          .some((v) => typeof v === "string" && v.includes("\u0000"))
      )
        throw new AppError("VALIDATION", "nulCharacter");
      const result = await handler(req, { params, requestId });
      return withRequestId(toResponse(result), requestId);
    } catch (e) {
      const locale = opts.crossOrigin ? DEFAULT_LOCALE : await readerLocale();
      const { status, body } = toErrorResponse(e, requestId, locale);
      if (status >= 500) log.error({ err: e, requestId, method: req.method, url: req.url }, "route failed");
      const headers: Record<string, string> = {};
      if (e instanceof AppError && e.retryAfter) headers["retry-after"] = String(e.retryAfter);
      return withRequestId(Response.json(body, { status, headers }), requestId);
    }
  };
}

function toResponse(result: RouteResult): Response {
  if (result instanceof Response) return result;
  if (result === undefined || result === null) return new Response(null, { status: 204 });
  return Response.json(result);
}

function withRequestId(res: Response, requestId: string): Response {
  try {
    res.headers.set("x-request-id", requestId);
    return res;
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers; copy them.
    const copy = new Response(res.body, res);
    copy.headers.set("x-request-id", requestId);
    return copy;
  }
}

/**
 * Reads (within its size cap: 413 past it, lib/http/read-body.ts) and validates a JSON body; a
 * malformed body or a NUL in any string is a 422, not a 500. `limit` only for a route that needs more.
 */
export async function parseJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  opts: { limit?: number } = {},
): Promise<z.infer<S>> {
  return schema.parse(await readJsonBody(req, opts.limit));
}

/** Validates the query string (each key's last value). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (Object.entries(query).some(([k, v]) => k.includes("\u0000") || v.includes("\u0000")))
    throw new AppError("VALIDATION", "nulCharacter");
  return schema.parse(query);
}
