import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { apiErrorCodes, type ApiErrorCode } from "../../lib/sautikit/contract/errors";

/** A handler's answer; `stream` lets a handler write the response itself (SSE, WAV). */
export type Reply = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  stream?: (res: ServerResponse) => void;
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiError(
  code: ApiErrorCode,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
): HttpError {
  return new HttpError(apiErrorCodes[code], code, message, details, headers);
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers });

export type RequestCtx = {
  req: IncomingMessage;
  url: URL;
  requestId: string;
  rawBody: Buffer;
  params: Record<string, string>;
};

/** Parses the JSON body against a strict schema; a bad body is 400 validation.failed with details. */
export function parseJson<S extends z.ZodType>(
  ctx: RequestCtx,
  schema: S,
  opts: { emptyAs?: unknown } = {},
): z.output<S> {
  let value: unknown;
  const text = ctx.rawBody.toString("utf8");
  if (text.trim() === "") value = opts.emptyAs;
  else {
    const type = ctx.req.headers["content-type"] ?? "";
    if (!/^application\/json\b/i.test(type))
      throw apiError("validation.failed", "Send a JSON body with Content-Type: application/json.");
    try {
      value = JSON.parse(text);
    } catch {
      throw apiError("validation.failed", "The request body is not valid JSON.");
    }
  }
  return parseValue(value, schema);
}

export function parseValue<S extends z.ZodType>(value: unknown, schema: S): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = details[0];
    const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "The request is not valid.";
    throw apiError("validation.failed", message, details);
  }
  return result.data;
}

export function sendReply(res: ServerResponse, reply: Reply, requestId: string): void {
  if (res.headersSent) return;
  res.setHeader("Request-Id", requestId);
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.stream) return reply.stream(res);
  if (reply.body === undefined) {
    res.writeHead(reply.status);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function errorReply(error: HttpError, requestId: string): Reply {
  return {
    status: error.status,
    headers: error.headers,
    body: {
      error: {
        code: error.code,
        message: error.message,
        request_id: requestId,
        ...(error.details !== undefined ? { details: error.details } : {}),
      },
    },
  };
}
