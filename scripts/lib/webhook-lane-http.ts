// node:http ⇄ web Request/Response for the production server's webhook lane (ADR 0008). Kept
// free of app imports: the app's code runs only inside Next's compiled module graph. The one
// exception is lib/shared/webhook-routes.ts, a list of constants with no imports and no state.
import type { IncomingMessage, ServerResponse } from "node:http";

import { WEBHOOK_ROUTES, type WebhookRoute } from "@/lib/shared/webhook-routes";

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
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (raw[i]!.toLowerCase() !== PEER_ADDRESS_HEADER) kept.push(raw[i]!, raw[i + 1]!);
  const peer = req.socket.remoteAddress;
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
 * The request as a web Request whose body streams from the socket, so the pipeline's cheap rejects
 * (no signature, too large) still happen before a byte of the body is read. A sender that hangs
 * up mid-body errors the stream and aborts the signal, as under Next.
 */
export function toWebRequest(
  req: IncomingMessage,
  fallbackHost: string,
  port: number,
): { request: Request; bodyCancelled(): boolean } {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const host = req.headers.host ?? `${fallbackHost}:${port}`;
  const abort = new AbortController();
  const { body, cancelled } = requestBodyStream(req, () => abort.abort());
  // `duplex` is required by Node's fetch for a streamed body but missing from the DOM typings.
  const init = { method: req.method, headers, body, duplex: "half", signal: abort.signal } as RequestInit;
  return { request: new Request(`http://${host}${req.url ?? "/"}`, init), bodyCancelled: cancelled };
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

/** Writes a (small, fully buffered) web Response to the socket. */
export async function writeWebResponse(
  response: Response,
  res: ServerResponse,
  closeConnection = false,
): Promise<void> {
  const payload = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = String(payload.byteLength);
  if (closeConnection) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(payload);
}
