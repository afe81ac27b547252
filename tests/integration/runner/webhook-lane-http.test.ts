// The production server's webhook lane plumbing (scripts/lib/webhook-lane-http.ts) over real
// loopback sockets: which URLs it takes, that the body streams through intact, that a body the
// pipeline stops reading ends the connection, and that a sender hanging up mid-body aborts it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  matchWebhookPath,
  PEER_ADDRESS_HEADER,
  stampPeerAddress,
  toWebRequest,
  writeWebResponse,
} from "@/scripts/lib/webhook-lane-http";

const WS = "0b5e4c1e-8a3d-4f7a-9c2b-1d2e3f4a5b6c";
let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server whose lane is `handle`, as scripts/lib/production-server.ts wires it. */
async function serve(handle: (req: Request) => Promise<Response>): Promise<string> {
  server = http.createServer((req, res) => {
    const { request, bodyCancelled } = toWebRequest(req, "127.0.0.1", 0);
    void handle(request).then((response) => writeWebResponse(response, res, bodyCancelled()));
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

  it("passes method, URL, headers and the exact body bytes, and writes status, headers and body back", async () => {
    let seen: { method: string; url: string; sig: string | null; body: Uint8Array } | undefined;
    const url = await serve(async (req) => {
      seen = {
        method: req.method,
        url: req.url,
        sig: req.headers.get("x-sautikit-signature"),
        body: new Uint8Array(await req.arrayBuffer()),
      };
      return Response.json({ ok: true }, { status: 202, headers: { "cache-control": "no-store" } });
    });
    const body = Buffer.concat([Buffer.from("CallId=CA1&name=Wanjik%C5%A9&x="), Buffer.alloc(20_000, 0x61)]);
    const res = await fetch(`${url}/api/sautikit/${WS}/voice/outbound?clientRequestId=a%3Ab`, {
      method: "POST",
      headers: { "x-sautikit-signature": "t=1,v1=ab", "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: true });
    expect(seen!.method).toBe("POST");
    expect(new URL(seen!.url).searchParams.get("clientRequestId")).toBe("a:b");
    expect(seen!.sig).toBe("t=1,v1=ab");
    expect(Buffer.from(seen!.body).equals(body)).toBe(true);
  });

  it("answers and closes the connection when the pipeline stops reading a body that is too large", async () => {
    const url = await serve(async (req) => {
      const reader = req.body!.getReader();
      let size = 0;
      while (size <= 1024) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
      }
      await reader.cancel();
      return Response.json({ error: { message: "body too large" } }, { status: 413 });
    });
    // A chunked body with no Content-Length, larger than the cap.
    const big = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 64; i++) c.enqueue(new Uint8Array(16 * 1024));
        c.close();
      },
    });
    const res = await fetch(`${url}/api/sautikit/${WS}/call-events`, {
      method: "POST",
      body: big,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
  });

  it("errors the body stream and aborts the request's signal when the sender hangs up mid-body", async () => {
    let outcome: { error: string; aborted: boolean } | undefined;
    let hangUp = () => {};
    let done!: () => void;
    const handled = new Promise<void>((r) => (done = r));
    const url = await serve(async (req) => {
      // The lane is reading the body (only its first bytes have come) when the sender goes away.
      const body = req.arrayBuffer();
      hangUp();
      try {
        await body;
      } catch (e) {
        outcome = { error: e instanceof Error ? e.message : String(e), aborted: req.signal.aborted };
      }
      done();
      return new Response(null, { status: 499 });
    });
    const socket = net.connect(Number(new URL(url).port), "127.0.0.1", () => {
      hangUp = () => socket.destroy();
      socket.write(
        `POST /api/sautikit/${WS}/call-events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"partial":`,
      );
    });
    await handled;
    expect(outcome?.aborted).toBe(true);
    expect(outcome?.error).toBeTruthy();
  });

  it("stamps the socket's address as the peer, over any copy the client sent (TRUST_PROXY off believes only this)", async () => {
    const seen: (string | null)[] = [];
    server = http.createServer((req, res) => {
      stampPeerAddress(req);
      const { request } = toWebRequest(req, "127.0.0.1", 0);
      seen.push(req.headers[PEER_ADDRESS_HEADER] as string, request.headers.get(PEER_ADDRESS_HEADER));
      res.end("ok");
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/health`;
    // A POST, as the lane only ever sees (a web Request cannot carry a GET body stream).
    await (
      await fetch(url, {
        method: "POST",
        body: "{}",
        headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" },
      })
    ).text();
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
