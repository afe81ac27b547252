// The production HTTP server (`npm start`, e2e, bench): Next's custom-server API on node:http, with
// a fast lane that hands Sautikit's webhooks straight to the app's webhook pipeline (ADR 0008).
// Usage: node --import tsx scripts/lib/production-server.ts --port 3000 --hostname 127.0.0.1 [--dir .]
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import type { WebhookLane } from "@/lib/http/webhook-lane";
import { matchWebhookPath, nodeWebhookRequest, stampPeerAddress, writeWebhookAnswer } from "./webhook-lane-http";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    hostname: { type: "string", default: "127.0.0.1" },
    dir: { type: "string", default: "." },
    "grace-ms": { type: "string", default: "5000" },
  },
});
const port = Number(values.port);
const hostname = values.hostname;
const graceMs = Number(values["grace-ms"]);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  throw new Error(`--port must be a port number, not "${values.port}"`);

// Next reads NODE_ENV when it loads; `next start` sets it the same way.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: path.resolve(values.dir), hostname, port });
const handleNext = app.getRequestHandler();
await app.prepare();

// Installed by instrumentation.ts register() from Next's own module graph. In production Next runs
// register() before it serves its first request, not in prepare(), so the lane appears with the
// warm-up request below; until then (or if it never does) Next serves the webhooks too.
const lane = (): WebhookLane | undefined => (globalThis as { __mkutanoWebhookLane?: WebhookLane }).__mkutanoWebhookLane;

const inFlight = new Set<http.ServerResponse>();
const server = http.createServer((req, res) => {
  inFlight.add(res);
  res.once("close", () => inFlight.delete(res));
  stampPeerAddress(req);
  const target = req.method === "POST" ? matchWebhookPath(req.url ?? "/") : undefined;
  const current = target && lane();
  if (!target || !current) {
    handleNext(req, res).catch((err: unknown) => {
      console.error("request failed:", err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
    return;
  }
  const { request, bodyCancelled } = nodeWebhookRequest(req);
  current
    .handle(request, target.workspaceId, target.route)
    // A body the pipeline did not read to its end (refused unread: too large, unsigned, unknown
    // workspace) ends the connection rather than being drained after the answer.
    .then((answer) => writeWebhookAnswer(res, answer, bodyCancelled() || !req.complete))
    .catch((err: unknown) => {
      console.error("webhook lane:", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end('{"error":{"message":"internal error"}}');
    });
});

await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, () => resolve());
});
const origin = `http://${["0.0.0.0", "::"].includes(hostname) ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
// The health route has no side effects; its status does not matter here, only that Next ran register().
await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(30_000) }).then(
  (res) => res.body?.cancel(),
  (err: unknown) => console.warn("warm-up request failed:", err instanceof Error ? err.message : err),
);
if (lane()) console.log(`ready on ${origin} (webhook lane on)`);
else
  console.warn(
    `ready on ${origin}; webhook lane not installed by instrumentation.ts, so Next's router serves webhooks`,
  );

let stopping = false;
async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${reason}: no new connections; waiting up to ${graceMs} ms for ${inFlight.size} request(s)`);
  server.close();
  server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  // Live streams (the roster's SSE) never finish by themselves; they are cut at the deadline.
  while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  server.closeAllConnections();
  try {
    // The runner SIGKILLs 8 s after its SIGTERM (scripts/lib/processes.ts): drain 5 s + close 2 s fits.
    await Promise.race([lane()?.close(), new Promise((r) => setTimeout(r, 2000))]);
  } catch (err) {
    console.error("closing the app:", err);
  }
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
// A supervisor killed outright (SIGKILL; a wrapper that did not pass the signal on) cannot stop us;
// noticing that we were re-parented keeps an orphaned server from holding the port and database.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown("supervisor gone");
}, 1000).unref();
