import "server-only";
import { NextRequest } from "next/server";
import { AppError, toErrorResponse } from "@/lib/errors";
import { readerLocale } from "@/lib/i18n/reader-locale";

// Every request body the app reads goes through here, so none is read past its cap: a declared
// Content-Length over the cap is refused before a byte is read, and a body without one (chunked)
// is counted as it streams in and dropped the moment it passes the cap. Nothing unbounded is ever
// buffered. Forms posted to server actions are capped by Next (next.config.mjs, the same size).

/** JSON and form bodies: a meeting with a 4000-character agenda is ~5 KB; a 500-line paste ~20 KB. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" | "aborted" };

/** The declared length, when the request declares a usable one. */
function declaredLength(req: Request): number | undefined {
  const value = req.headers.get("content-length");
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * The body's bytes, or why there are none: `too_large` past `limit` (declared or counted), or
 * `aborted` when the sender hung up mid-body. Never throws for either.
 */
export async function readCappedBody(req: Request, limit: number): Promise<CappedBody> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) return { ok: false, reason: "too_large" };
  if (!req.body) return { ok: true, bytes: new Uint8Array() };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too_large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "aborted" };
  }
  if (req.signal?.aborted) return { ok: false, reason: "aborted" };
  return { ok: true, bytes: Buffer.concat(chunks) };
}

export function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge", {
    params: { limit: { bytes: limit } },
    details: { limitBytes: limit },
  });
}

/** The body's bytes within `limit`; 413 past it, 400 for a sender that hung up. */
export async function readBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<Uint8Array> {
  const body = await readCappedBody(req, limit);
  if (body.ok) return body.bytes;
  if (body.reason === "too_large") throw tooLarge(limit);
  throw new AppError("VALIDATION", "bodyCutOff");
}

/**
 * A JSON body within `limit`, parsed. A malformed body is a 422; so is U+0000 in any key or string
 * (PostgreSQL text cannot hold it, and no field of ours has a use for it).
 */
export async function readJsonBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const bytes = await readBody(req, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("VALIDATION", "bodyNotUtf8");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "bodyNotJson");
  }
  if (text.includes("\u0000") || /\\u0000/i.test(text)) {
    if (containsNul(data)) throw new AppError("VALIDATION", "nulCharacter");
  }
  return data;
}

/** True when U+0000 appears in any string or key of a parsed JSON value. */
export function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object")
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v));
  return false;
}

/**
 * For a handler we do not own (Auth.js) that reads the body itself, unbounded: the body is read
 * here within `limit` first (413 JSON past it) and the handler gets a copy of the request holding
 * exactly those bytes.
 */
export async function withCappedBody(
  req: NextRequest,
  handler: (req: NextRequest) => Promise<Response>,
  limit = DEFAULT_BODY_LIMIT,
): Promise<Response> {
  let bytes: Uint8Array;
  try {
    bytes = await readBody(req, limit);
  } catch (e) {
    const { status, body } = toErrorResponse(e, undefined, await readerLocale());
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(bytes.byteLength));
  return handler(new NextRequest(req.url, { method: req.method, headers, body: bytes as BodyInit }));
}
