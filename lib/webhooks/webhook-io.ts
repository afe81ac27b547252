import "server-only";
import { type CappedBody, readCappedBody } from "@/lib/http/read-body";

// The webhook pipeline's own request and answer shapes, independent of the transport. The
// production server's lane (scripts/lib/webhook-lane-http.ts) fills them straight from node:http and
// writes the answer with res.writeHead/res.end; the Next route files (the fallback, `next dev`, the
// integration tests) wrap a web Request into the same shape and the answer into a Response. Building
// a web Request with a streamed body and a Response per webhook cost about a sixth of the join
// callback's CPU on the lane (ADR 0024).

/** A webhook request as the pipeline sees it: its headers and its body, read at most once. */
export type WebhookRequest = {
  /** A header by its lower-case name (repeated headers joined with ", "), or null. */
  header(name: string): string | null;
  /**
   * The body within `limit`: a declared Content-Length over it is refused before a byte is read,
   * a body without one is dropped the moment it passes it, and a sender that hung up mid-body is
   * `aborted`. Never throws. A body already at hand (the lane's usual case: a few hundred bytes that
   * came with the headers) is returned as it is, not wrapped in a promise.
   */
  readBody(limit: number): CappedBody | Promise<CappedBody>;
};

/** What the pipeline answers: a status, headers by lower-case name, and the body's text. */
export type WebhookAnswer = { status: number; headers: Readonly<Record<string, string>>; body: string };

/** The headers of every JSON answer (one frozen object, so the lane can recognise and reuse it). */
export const JSON_ANSWER_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-type": "application/json",
  "cache-control": "no-store",
});

export function jsonAnswer(body: unknown, status = 200): WebhookAnswer {
  return { status, headers: JSON_ANSWER_HEADERS, body: JSON.stringify(body) };
}

/** A web Request (a route handler's) as the pipeline's request. */
export function webWebhookRequest(req: Request): WebhookRequest {
  return { header: (name) => req.headers.get(name), readBody: (limit) => readCappedBody(req, limit) };
}

/** The pipeline's answer as a web Response (route handlers). */
export function webhookResponse(answer: WebhookAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
