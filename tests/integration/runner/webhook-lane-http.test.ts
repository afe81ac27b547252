// The production server's webhook lane plumbing (scripts/lib/webhook-lane-http.ts) over real
// loopback sockets: which URLs it takes, that headers and the body's exact bytes reach the pipeline
// and its answer comes back whole, that a body refused unread or over its cap ends the connection,
// and that a sender hanging up mid-body (or before the body is asked for) reads as aborted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { WebhookAnswer, WebhookRequest } from "@/lib/webhooks/webhook-io";
import {
  matchWebhookPath,
  nodeWebhookRequest,
  PEER_ADDRESS_HEADER,
  stampPeerAddress,
  writeWebhookAnswer,
} from "@/scripts/lib/webhook-lane-http";

const WS = "0b5e4c1e-8a3d-4f7a-9c2b-1d2e3f4a5b6c";
let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const json = (status: number, body: unknown): WebhookAnswer => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify(body),
});

/**
 * A server whose lane is `handle`, as scripts/lib/production-server.ts wires it. `afterBody`: the
 * lane is handed the request only once node has parsed all of it (the body then sits in the
 * stream's buffer, as when the pipeline first awaits the workspace's secret).
 */
async function serve(handle: (req: WebhookRequest) => Promise<WebhookAnswer>, afterBody = false): Promise<string> {
  server = http.createServer(async (req, res) => {
    while (afterBody && !req.complete) await new Promise((r) => setImmediate(r));
    const { request, bodyCancelled } = nodeWebhookRequest(req);
    void handle(request).then((answer) => writeWebhookAnswer(res, answer, bodyCancelled() || !req.complete));
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("webhook lane over node:http", () => {
  it("takes exactly the five webhook routes of a workspace UUID", () => {
    expect(matchWebhookPath(`/api/sautikit/${WS}/voice/outbound`)).toEqual({
      workspaceId: WS,
      route: "voice/outbound",
    });
    expect(matchWebhookPath(`/api/sautikit/${WS}/conference/events?meetingId=x`)).toEqual({
      workspaceId: WS,
      route: "conference/events",
    });
    expect(matchWebhookPath(`/api/sautikit/${WS.toUpperCase()}/call-events`)?.route).toBe("call-events");
    for (const other of [
      `/api/sautikit/${WS}/voice/outbound/`,
      `/api/sautikit/${WS}/voice/outboundx`,
      `/api/sautikit/${WS}/recordings`,
      `/api/sautikit/not-a-uuid/voice/inbound`,
      `/x/api/sautikit/${WS}/call-events`,
      `/api/health`,
    ]) {
      expect(matchWebhookPath(other), other).toBeUndefined();
    }
  });

  it.each([
    ["read as it arrives", false],
    ["already parsed whole", true],
  ])(
    "passes headers and the exact body bytes (%s), and writes status, headers, Content-Length and body back",
    async (_n, afterBody) => {
      let seen: { sig: string | null; type: string | null; missing: string | null; body: Uint8Array } | undefined;
      const url = await serve(async (req) => {
        const body = await req.readBody(64 * 1024);
        if (!body.ok) throw new Error(body.reason);
        seen = {
          sig: req.header("x-sautikit-signature"),
          type: req.header("content-type"),
          missing: req.header("x-not-sent"),
          body: body.bytes,
        };
        return json(202, { ok: "Wanjikũ" });
      }, afterBody);
      const body = Buffer.concat([Buffer.from("CallId=CA1&name=Wanjik%C5%A9&x="), Buffer.alloc(20_000, 0x61)]);
      const res = await fetch(`${url}/api/sautikit/${WS}/voice/outbound?clientRequestId=a%3Ab`, {
        method: "POST",
        headers: { "x-sautikit-signature": "t=1,v1=ab", "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      expect(res.status).toBe(202);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength('{"ok":"Wanjikũ"}')));
      expect(res.headers.get("connection")).not.toBe("close");
      expect(await res.json()).toEqual({ ok: "Wanjikũ" });
      expect(seen!.sig).toBe("t=1,v1=ab");
      expect(seen!.type).toBe("application/x-www-form-urlencoded");
      expect(seen!.missing).toBeNull();
      expect(Buffer.from(seen!.body).equals(body)).toBe(true);
    },
  );

  it("refuses a declared length over the cap before the body is sent, and closes the connection", async () => {
    let reason: string | undefined;
    const url = await serve(async (req) => {
      const body = await req.readBody(1024);
      reason = body.ok ? "read" : body.reason;
      return json(413, { error: { message: "body too large" } });
    });
    // Only the headers go out: an answer at all shows the body was not waited for.
    const socket = net.connect(Number(new URL(url).port), "127.0.0.1");
    const answer = new Promise<string>((r) => socket.once("data", (d) => r(d.toString())));
    socket.write(`POST /api/sautikit/${WS}/call-events HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n`);
    expect(await answer).toMatch(/^HTTP\/1\.1 413 [^]*connection: close/i);
    socket.destroy();
    expect(reason).toBe("too_large");
  });

  it("refuses a body already parsed whole that is over the cap", async () => {
    let reason: string | undefined;
    const url = await serve(async (req) => {
      const body = await req.readBody(1024);
      reason = body.ok ? "read" : body.reason;
      return json(413, {});
    }, true);
    const res = await fetch(`${url}/api/sautikit/${WS}/call-events`, { method: "POST", body: "y".repeat(1025) });
    expect([res.status, res.headers.get("connection"), reason]).toEqual([413, "close", "too_large"]);
  });

  it("drops a chunked body the moment it passes the cap and closes the connection", async () => {
    let reason: string | undefined;
    const url = await serve(async (req) => {
      const body = await req.readBody(1024);
      reason = body.ok ? "read" : body.reason;
      return json(413, { error: { message: "body too large" } });
    });
    // A chunked body with no Content-Length, larger than the cap, whose end never comes.
    let more!: ReadableStreamDefaultController<Uint8Array>;
    const big = new ReadableStream<Uint8Array>({
      start(c) {
        more = c;
        for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(1024));
      },
    });
    const res = await fetch(`${url}/api/sautikit/${WS}/call-events`, {
      method: "POST",
      body: big,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(reason).toBe("too_large");
    more.close();
  });

  it("reads as aborted when the sender hangs up mid-body, or before the body was asked for", async () => {
    const reasons: string[] = [];
    let hungUp!: Promise<void>;
    let hangUp = () => {};
    let done!: () => void;
    const handled = new Promise<void>((r) => (done = r));
    const url = await serve(async (req) => {
      // First read: the sender goes away while the lane waits for the rest of the body.
      const reading = req.readBody(64 * 1024);
      hangUp();
      const body = await reading;
      reasons.push(body.ok ? "read" : body.reason);
      done();
      return json(499, {});
    });
    const send = () => {
      const socket = net.connect(Number(new URL(url).port), "127.0.0.1", () => {
        hangUp = () => socket.destroy();
        socket.write(
          `POST /api/sautikit/${WS}/call-events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"partial":`,
        );
      });
      hungUp = new Promise((r) => socket.once("close", () => r()));
    };
    send();
    await handled;
    expect(reasons).toEqual(["aborted"]);

    // Second: the sender is already gone when the pipeline (busy reading the workspace's secret) asks.
    let gone!: () => void;
    const wentAway = new Promise<void>((r) => (gone = r));
    let done2!: () => void;
    const handled2 = new Promise<void>((r) => (done2 = r));
    await new Promise<void>((r) => server!.close(() => r()));
    const url2 = await serve(async (req) => {
      await wentAway;
      const body = await req.readBody(64 * 1024);
      reasons.push(body.ok ? "read" : body.reason);
      done2();
      return json(499, {});
    });
    const socket = net.connect(Number(new URL(url2).port), "127.0.0.1", () =>
      socket.write(
        `POST /api/sautikit/${WS}/call-events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"partial":`,
        () => socket.destroy(),
      ),
    );
    socket.once("close", () => setImmediate(gone));
    await handled2;
    await hungUp;
    expect(reasons).toEqual(["aborted", "aborted"]);
  });

  it("stamps the socket's address as the peer, over any copy the client sent (TRUST_PROXY off believes only this)", async () => {
    const seen: (string | null)[] = [];
    server = http.createServer((req, res) => {
      stampPeerAddress(req);
      const { request } = nodeWebhookRequest(req);
      const raw = req.rawHeaders.filter((_v, i) => i % 2 === 0 && req.rawHeaders[i] === PEER_ADDRESS_HEADER);
      seen.push(req.headers[PEER_ADDRESS_HEADER] as string, request.header(PEER_ADDRESS_HEADER), String(raw.length));
      res.end("ok");
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/health`;
    await (
      await fetch(url, {
        method: "POST",
        body: "{}",
        headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" },
      })
    ).text();
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1", "1"]);
    // Without a copy from the client, the peer is added once.
    await (await fetch(url, { method: "POST", body: "{}" })).text();
    expect(seen.slice(3)).toEqual(["127.0.0.1", "127.0.0.1", "1"]);
  });
});
