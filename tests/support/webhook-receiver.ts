import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A tiny HTTP receiver for tests: records every request with its raw body and headers and answers
// with programmable responses (per path), e.g. "fail 3 times, then 200".

export type ReceivedRequest = {
  method: string;
  /** Path plus query string. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Date.now() when the request had been read. */
  receivedAt: number;
  form(): Record<string, string>;
  json(): unknown;
};

export type ResponseSpec = {
  status?: number;
  body?: string | object;
  headers?: Record<string, string>;
  delayMs?: number;
};
/** `index` counts earlier requests to the same path (0 for the first). */
export type Responder = (req: ReceivedRequest, index: number) => ResponseSpec | Promise<ResponseSpec>;

export type WebhookReceiver = {
  url: string;
  requests: ReceivedRequest[];
  /** Sets the responder for one path (exact pathname match); others answer 200 with an empty body. */
  on(path: string, responder: Responder): void;
  /** Requests to a path, optionally filtered. */
  received(path?: string, filter?: (r: ReceivedRequest) => boolean): ReceivedRequest[];
  /** Polls until `predicate` holds over the requests, or fails after `timeoutMs`. */
  waitFor(
    predicate: (requests: ReceivedRequest[]) => boolean,
    timeoutMs?: number,
    what?: string,
  ): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
};

/** Answers `status` (500 by default) to the first `times` requests, then 200. */
export function failTimes(times: number, status = 500, then: ResponseSpec = { status: 200 }): Responder {
  return (_req, index) => (index < times ? { status, body: "failing on purpose" } : then);
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const responders = new Map<string, Responder>();
  const counts = new Map<string, number>();

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const parsed = new URL(req.url ?? "/", "http://receiver.local");
    const record: ReceivedRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: req.headers,
      rawBody,
      receivedAt: Date.now(),
      form: () => Object.fromEntries(new URLSearchParams(rawBody)),
      json: () => JSON.parse(rawBody),
    };
    requests.push(record);
    const index = counts.get(record.path) ?? 0;
    counts.set(record.path, index + 1);
    const responder = responders.get(record.path);
    let spec: ResponseSpec = { status: 200 };
    try {
      if (responder) spec = await responder(record, index);
    } catch (error) {
      spec = { status: 500, body: String(error) };
    }
    if (spec.delayMs) await new Promise((r) => setTimeout(r, spec.delayMs));
    const body = spec.body === undefined ? "" : typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body);
    const headers = {
      ...(typeof spec.body === "object" ? { "Content-Type": "application/json" } : {}),
      ...spec.headers,
    };
    if (!res.destroyed) {
      res.writeHead(spec.status ?? 200, headers);
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const received = (path?: string, filter?: (r: ReceivedRequest) => boolean) =>
    requests.filter((r) => (path === undefined || r.path === path) && (!filter || filter(r)));

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (path, responder) => void responders.set(path, responder),
    received,
    waitFor: async (predicate, timeoutMs = 10_000, what = "the expected requests") => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline)
          throw new Error(
            `Timed out after ${timeoutMs} ms waiting for ${what}; received: ${requests.map((r) => `${r.method} ${r.url}`).join(", ") || "nothing"}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
