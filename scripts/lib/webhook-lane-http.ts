// node:http plumbing for the production server's webhook lane (ADR 0008, ADR 0024). Kept free of
// app imports: the app's code runs only inside Next's compiled module graph. The exceptions are
// lib/shared/webhook-routes.ts, a list of constants with no imports and no state, and type-only
// imports (erased when compiled).
import type { IncomingMessage, ServerResponse } from "node:http";

import type { CappedBody } from "@/lib/http/read-body";
import { WEBHOOK_ROUTES, type WebhookRoute } from "@/lib/shared/webhook-routes";
import type { WebhookAnswer, WebhookRequest } from "@/lib/webhooks/webhook-io";

const WEBHOOK_PATH = new RegExp(
  `^/api/sautikit/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(${WEBHOOK_ROUTES.join("|")})(?:\\?|$)`,
  "i",
);

/** Mirrors PEER_ADDRESS_HEADER in lib/http/client-ip.ts (this module cannot import app code). */
export const PEER_ADDRESS_HEADER = "x-mkutano-peer-address";

/**
 * Writes the TCP peer's address into the request's headers, for every request the production
 * server handles (Next and the lane), after dropping any copy the client sent: it is the only
 * client address the app believes unless TRUST_PROXY is on.
 */
export function stampPeerAddress(req: IncomingMessage): void {
  const raw = req.rawHeaders;
  const peer = req.socket.remoteAddress;
  if (req.headers[PEER_ADDRESS_HEADER] === undefined) {
    // Nearly always: no copy to drop, so the peer is appended in place.
    if (peer) {
      raw.push(PEER_ADDRESS_HEADER, peer);
      req.headers[PEER_ADDRESS_HEADER] = peer;
    }
    return;
  }
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (raw[i]!.toLowerCase() !== PEER_ADDRESS_HEADER) kept.push(raw[i]!, raw[i + 1]!);
  if (peer) kept.push(PEER_ADDRESS_HEADER, peer);
  req.rawHeaders = kept;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  else delete req.headers[PEER_ADDRESS_HEADER];
}

/** The workspace and route of a webhook URL, or undefined for anything Next should serve. */
export function matchWebhookPath(url: string): { workspaceId: string; route: WebhookRoute } | undefined {
  const m = WEBHOOK_PATH.exec(url);
  return m ? { workspaceId: m[1]!, route: m[2] as WebhookRoute } : undefined;
}

/**
 * The request as the webhook pipeline reads it (lib/webhooks/webhook-io.ts), straight from node:
 * headers from `req.headers`, and the body pulled from the socket only when the pipeline asks for
 * it, so its cheap rejects (no signature, unknown workspace) still come before a byte is read. A
 * declared Content-Length over the cap is refused unread; a body without one is counted as it
 * arrives and dropped the moment it passes the cap; a sender that hangs up mid-body is `aborted`.
 * `bodyCancelled()` tells whether the body was given up on (the lane then ends the connection
 * rather than drain it).
 */
export function nodeWebhookRequest(req: IncomingMessage): { request: WebhookRequest; bodyCancelled(): boolean } {
  let cancelled = false;
  const request: WebhookRequest = {
    header(name) {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    readBody(limit) {
      const declared = req.headers["content-length"];
      if (declared !== undefined && DIGITS.test(declared) && Number(declared) > limit) {
        cancelled = true;
        return { ok: false, reason: "too_large" };
      }
      return readNodeBody(req, limit, () => (cancelled = true));
    },
  };
  return { request, bodyCancelled: () => cancelled };
}

const DIGITS = /^\s*\d+\s*$/;

function readNodeBody(req: IncomingMessage, limit: number, onCancel: () => void): CappedBody | Promise<CappedBody> {
  // Hung up before the pipeline got here (it was reading the signing secret): nothing will come.
  if (req.destroyed && !req.complete) return { ok: false, reason: "aborted" };
  const body = cappedChunks(limit, onCancel);
  // The usual case: a small body that came with the headers has been parsed whole by now and sits
  // in the stream's buffer, so it is taken from there without listeners — and without a promise.
  if (req.complete && !req.readableFlowing) {
    for (let chunk: Buffer | null; (chunk = req.read() as Buffer | null) !== null;)
      if (!body.add(chunk)) return { ok: false, reason: "too_large" };
    return body.done();
  }
  return new Promise<CappedBody>((resolve) => {
    const settle = (result: CappedBody) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      req.off("error", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (body.add(chunk)) return;
      // Answer, then drop the connection rather than drain whatever else the sender pushes.
      req.pause();
      settle({ ok: false, reason: "too_large" });
    };
    const onEnd = () => settle(body.done());
    const onClose = () => {
      if (!req.complete) settle({ ok: false, reason: "aborted" });
    };
    const onError = () => settle({ ok: false, reason: "aborted" });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", onError);
  });
}

/** Chunks counted against the cap: `add` is false (and the body given up on) once past it. */
function cappedChunks(limit: number, onCancel: () => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add(chunk: Buffer): boolean {
      size += chunk.byteLength;
      if (size > limit) {
        onCancel();
        return false;
      }
      chunks.push(chunk);
      return true;
    },
    done: (): CappedBody => ({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) }),
  };
}

/**
 * Writes the pipeline's answer: its headers and a Content-Length in one writeHead, the body in one
 * end. `closeConnection` when the request's body was not read to its end.
 */
export function writeWebhookAnswer(res: ServerResponse, answer: WebhookAnswer, closeConnection = false): void {
  const headers: Record<string, string | number> = {
    ...answer.headers,
    "content-length": Buffer.byteLength(answer.body),
  };
  if (closeConnection) headers.connection = "close";
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/**
 * The request's raw bytes, untouched (webhook signatures are computed over them), read from the
 * socket only as the reader pulls. A sender that hangs up mid-body errors the stream after
 * `onDisconnect`; `cancelled()` tells whether the reader stopped early.
 */
export function requestBodyStream(
  req: IncomingMessage,
  onDisconnect?: () => void,
): { body: ReadableStream<Uint8Array>; cancelled(): boolean } {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.once("end", () => {
        if (!cancelled) controller.close();
      });
      req.once("close", () => {
        if (req.complete || cancelled) return;
        onDisconnect?.();
        controller.error(new Error("the sender disconnected before the body was read"));
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      // The reader stopped (a body over its cap): answer, then drop the connection rather than
      // drain whatever else the sender pushes.
      cancelled = true;
      req.pause();
    },
  });
  return { body, cancelled: () => cancelled };
}
