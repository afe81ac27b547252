// The in-process HTTP adapter: serves the app's real route handlers (app/**/route.ts) on a free
// port, so the emulator's webhooks and the tests' HTTP calls reach real app code without a Next
// build. One app server per process at a time: it configures the app through process.env, and
// stop() resets the module registry so the next one reads its configuration afresh.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NextRequest } from "next/server";
import { vi } from "vitest";
import { PEER_ADDRESS_HEADER, requestBodyStream } from "@/scripts/lib/webhook-lane-http";
import { type Handler, runInNextContext } from "./next-context";
import { type RouteEntry, discoverRoutes, findRoute } from "./route-table";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const STOP_GRACE_MS = 10_000;
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type AppServer = { url: string; port: number; stop(): Promise<void> };

export type AppServerOptions = {
  databaseUrl: string;
  /** Defaults to the emulator started by the integration global setup. */
  sautikitApiUrl?: string;
  /** Extra app environment (read by lib/env.ts on first use). */
  env?: Record<string, string>;
  /** Another app directory, for testing the adapter itself. */
  appDir?: string;
};

let active: string | undefined;

export async function startAppServer(opts: AppServerOptions): Promise<AppServer> {
  if (active) throw new Error(`an app server is already running at ${active}; stop it first (one per process)`);
  const routes = discoverRoutes(opts.appDir ?? path.join(repoRoot, "app"));
  const modules = new Map<string, Promise<Record<string, unknown>>>();
  const pending = new Set<Promise<unknown>>();

  // Requests still being handled; stop() lets them finish before closing the database. An event
  // stream leaves the set once its headers are out (it may never end; stop() cuts it).
  const inflight = new Set<Promise<unknown>>();
  let stopping = false;

  const server = http.createServer((req, res) => {
    if (stopping) {
      // A late webhook from the shared emulator: refuse it, as a stopped app would (it retries).
      res.writeHead(503, { connection: "close", "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: { code: "SAUTIKIT_UNAVAILABLE", message: "app server stopping" } }));
    }
    const handled: Promise<void> = handle(req, res, () => inflight.delete(handled)).catch((error: unknown) => {
      console.error(`app server: ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "INTERNAL", message: "unhandled error in route handler" } }));
      } else {
        res.destroy(error instanceof Error ? error : undefined);
      }
    });
    inflight.add(handled);
    void handled.finally(() => inflight.delete(handled));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  active = url;

  // The app reads its configuration once (lib/env.ts caches it), so set it before any route loads.
  // Restored on stop: the next test file in this worker builds its database from the original.
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: opts.databaseUrl,
    APP_BASE_URL: url,
    SAUTIKIT_API_URL: opts.sautikitApiUrl ?? process.env.SAUTIKIT_API_URL ?? "http://127.0.0.1:4010",
    AUTH_TRUST_HOST: "true",
    ...opts.env,
  });
  const { env } = await import("@/lib/env");
  if (env().DATABASE_URL !== opts.databaseUrl || env().APP_BASE_URL !== url) {
    await closeServer(server);
    restoreEnv(saved);
    active = undefined;
    throw new Error("lib/env was read before startAppServer(); start the app server before using app modules");
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, detach: () => void): Promise<void> {
    const requestUrl = new URL(req.url ?? "/", url);
    const match = findRoute(routes, requestUrl.pathname);
    if (!match)
      return sendJson(res, 404, { error: { code: "NOT_FOUND", message: `no route for ${requestUrl.pathname}` } });

    const mod = await loadModule(match.route);
    const method = (req.method ?? "GET").toUpperCase();
    const allowed = METHODS.filter(
      (m) => typeof mod[m] === "function" || (m === "HEAD" && typeof mod.GET === "function"),
    );
    // Next answers HEAD with GET (minus the body) and OPTIONS with the allowed methods.
    const handler = (mod[method] ?? (method === "HEAD" ? mod.GET : undefined)) as Handler | undefined;
    if (!handler) {
      if (method === "OPTIONS") return void res.writeHead(204, { allow: [...allowed, "OPTIONS"].join(", ") }).end();
      res.setHeader("allow", allowed.join(", "));
      return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: `${method} not allowed` } });
    }

    // The body streams from the socket, as Next hands it to route handlers: a handler that stops
    // reading (a body over its cap) must not have made us buffer the whole of it first.
    const headers = toHeaders(req.rawHeaders);
    // As the production server does (scripts/lib/webhook-lane-http.ts stampPeerAddress).
    headers.delete(PEER_ADDRESS_HEADER);
    if (req.socket.remoteAddress) headers.set(PEER_ADDRESS_HEADER, req.socket.remoteAddress);
    const init = {
      method,
      headers,
      body: method === "GET" || method === "HEAD" ? undefined : requestBodyStream(req).body,
      duplex: "half",
    };
    const request = new NextRequest(requestUrl, init as ConstructorParameters<typeof NextRequest>[1]);
    const response = await runInNextContext(match.route.page, request, handler, match.params, {
      waitUntil: (p) => {
        pending.add(p);
        void p.finally(() => pending.delete(p)).catch(() => {});
      },
      onClose: (cb) => res.once("close", cb),
    });
    if (response.headers.get("content-type")?.startsWith("text/event-stream")) detach();
    await writeResponse(res, response, method === "HEAD");
  }

  function loadModule(route: RouteEntry): Promise<Record<string, unknown>> {
    let mod = modules.get(route.file);
    if (!mod) {
      mod = import(route.file) as Promise<Record<string, unknown>>;
      modules.set(route.file, mod);
    }
    return mod;
  }

  return {
    url,
    port,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Let requests that are mid-way finish against their database (bounded: a stuck one must not
      // hang the suite); open event streams are then cut by closing every connection.
      await Promise.race([Promise.allSettled([...inflight]), delay(STOP_GRACE_MS)]);
      server.closeAllConnections();
      await closed;
      await Promise.race([Promise.allSettled([...pending]), delay(STOP_GRACE_MS)]);
      const { disconnectDb } = await import("@/lib/db");
      await disconnectDb();
      restoreEnv(saved);
      // Forget the app's modules (and lib/env's cached config) so a later server starts clean.
      vi.resetModules();
      active = undefined;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function restoreEnv(saved: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    if (!name.startsWith(":")) headers.append(name, raw[i + 1]!);
  }
  return headers;
}

async function writeResponse(res: http.ServerResponse, response: Response, headOnly: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  if (headOnly || !response.body) {
    await response.body?.cancel();
    return void res.end();
  }
  // Stream chunk by chunk (server-sent events must not be buffered); stop if the client leaves.
  const reader = response.body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  res.flushHeaders();
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    res.write(value);
  }
  res.end();
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive and streaming connections would otherwise hold close() open.
    server.closeAllConnections();
  });
}
