import { createServer, type IncomingMessage, type Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { accountRoutes } from "../api/account-routes";
import { ApiRoutes } from "../api/api-routes";
import { callsRoutes } from "../api/calls-routes";
import { recordingRoutes } from "../api/recording-routes";
import { statsRoutes } from "../api/stats-routes";
import { supervisionRoutes } from "../api/supervision-routes";
import { webrtcRoutes } from "../api/webrtc-routes";
import type { Emulator } from "../context";
import { controlRoutes } from "../control/control-routes";
import { StateStream } from "../control/stream";
import { handleConsoleRequest, warmConsole } from "../console/serve";
import { logDebug, logError, logInfo } from "../log";
import type { Workspace } from "../state/types";
import { newRequestId, sleep } from "../util";
import { HostCheck } from "./host-check";
import { HttpError, apiError, errorReply, sendReply, type Reply, type RequestCtx } from "./respond";
import { Router } from "./router";

// node:http server: /v1/* is the faithful API (auth, faults, idempotency), /_emulator/* the control
// API, /recordings/* the presigned files, and everything else the phones console.

const MAX_BODY_BYTES = 1024 * 1024;

export function createEmulatorServer(em: Emulator): { server: Server; stream: StateStream } {
  const router = new Router();
  const stream = new StateStream(em);
  const hostCheck = new HostCheck(em.config);

  const authed =
    (handler: (ctx: RequestCtx, ws: Workspace) => Promise<Reply> | Reply) =>
    async (ctx: RequestCtx): Promise<Reply> => {
      const ws = authenticate(em, ctx.req);
      (ctx as RequestCtx & { workspaceId?: string }).workspaceId = ws.id;
      const key = ctx.req.method === "POST" ? header(ctx.req, "idempotency-key") : undefined;
      if (key === undefined) return handler(ctx, ws);
      if (key.length === 0 || key.length > 255)
        throw apiError("validation.failed", "Idempotency-Key must be 1–255 characters.");
      // Keyed by (workspace, key); the hash covers the endpoint too, so reusing a key on another
      // endpoint is a conflict rather than a replay of an unrelated answer. /originate is /calls.
      const endpoint = ctx.url.pathname === "/v1/calls/originate" ? "/v1/calls" : ctx.url.pathname;
      const check = em.idempotency.check(ws.id, key, Buffer.concat([Buffer.from(`${endpoint}\n`), ctx.rawBody]));
      if (check.kind === "replay")
        return { ...check.reply, headers: { ...check.reply.headers, "Idempotent-Replay": "true" } };
      if (check.kind === "conflict")
        throw apiError(
          "idempotency.conflict",
          check.inFlight
            ? "A request with this Idempotency-Key is still in progress."
            : "This Idempotency-Key was already used with a different request body.",
        );
      try {
        const reply = await handler(ctx, ws);
        check.complete(reply);
        return reply;
      } catch (error) {
        check.abandon();
        throw error;
      }
    };

  // Before callsRoutes: /v1/calls/stats must not be taken for /v1/calls/:id.
  const api = new ApiRoutes(em, router, authed);
  statsRoutes(api);
  callsRoutes(api);
  supervisionRoutes(api);
  webrtcRoutes(api);
  recordingRoutes(api);
  accountRoutes(api);
  controlRoutes(em, router, stream);
  // Bundling the console costs ~0.6 s of CPU: do it up front for a fixed-port emulator meant for people,
  // not for the throwaway ones tests start on port 0 (they bundle on first request, if ever).
  if (em.config.port !== 0) warmConsole();

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const requestId = newRequestId();
    const url = new URL(req.url ?? "/", "http://emulator.local");
    let reply: Reply;
    let workspaceId: string | undefined;
    try {
      // First, on every path: the console, the control API and /v1 alike (see host-check.ts).
      hostCheck.assert(req);
      if (
        !url.pathname.startsWith("/v1/") &&
        !url.pathname.startsWith("/_emulator/") &&
        !url.pathname.startsWith("/recordings/")
      ) {
        if (await handleConsoleRequest(req, res)) return;
        throw apiError("not_found", `No route for ${req.method} ${url.pathname}.`);
      }
      if (url.pathname.startsWith("/_emulator/") && req.method !== "GET" && req.method !== "HEAD") assertSameSite(req);
      const rawBody = await readBody(req);
      const match = router.match(req.method ?? "GET", url.pathname);
      if (match === null) throw apiError("not_found", `No route for ${req.method} ${url.pathname}.`);
      if (match === "method") throw apiError("method_not_allowed", `${req.method} is not allowed on ${url.pathname}.`);
      if (url.pathname.startsWith("/v1/")) await injectApiFaults(em);
      const ctx: RequestCtx & { workspaceId?: string } = { req, url, requestId, rawBody, params: match.params };
      reply = await match.handler(ctx);
      workspaceId = ctx.workspaceId;
    } catch (error) {
      if (!(error instanceof HttpError)) logError(`${req.method} ${url.pathname} ${requestId}`, error);
      reply = errorReply(
        error instanceof HttpError ? error : apiError("internal_error", "Something went wrong inside the emulator."),
        requestId,
      );
    }
    sendReply(res, reply, requestId);
    if (url.pathname.startsWith("/v1/")) {
      em.requestLog.add({
        request_id: requestId,
        method: req.method ?? "GET",
        path: `${url.pathname}${url.search}`,
        status: reply.status,
        latency_ms: Date.now() - started,
        workspace_id: workspaceId ?? null,
        idempotency_key: header(req, "idempotency-key") ?? null,
        idempotent_replay: reply.headers?.["Idempotent-Replay"] === "true",
        error_code: errorCodeOf(reply.body),
      });
      em.store.changed();
    }
    const quiet =
      url.pathname === "/_emulator/state" ||
      url.pathname === "/_emulator/health" ||
      url.pathname === "/_emulator/stream";
    const line = `${req.method} ${url.pathname}${url.search ? "?…" : ""} → ${reply.status}  ${Date.now() - started}ms${workspaceId ? `  ws=${workspaceId.slice(0, 8)}` : ""}  ${requestId}`;
    if (quiet) logDebug(line);
    else logInfo(line);
  });
  return { server, stream };
}

/**
 * The control API has no credentials (it listens on loopback), so a web page the developer happens
 * to open must not be able to drive it: browsers mark cross-site requests with Sec-Fetch-Site and
 * Origin. Test clients and the console (same origin) pass.
 */
function assertSameSite(req: IncomingMessage): void {
  const site = header(req, "sec-fetch-site");
  const origin = header(req, "origin");
  const host = header(req, "host");
  if (site === "cross-site" || site === "same-site" || (origin !== undefined && originHost(origin) !== host)) {
    throw new HttpError(
      403,
      "control.cross_site",
      "The emulator control API only accepts requests from its own console or from local tools.",
    );
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Outage and 5xx faults answer before auth and never consume rate-limit tokens. */
async function injectApiFaults(em: Emulator): Promise<void> {
  const f = em.faults.current;
  if (f.slow_answer_ms) await sleep(f.slow_answer_ms);
  if (f.outage)
    throw apiError("service_unavailable", "Sautikit is unavailable (injected outage).", undefined, {
      "Retry-After": "1",
    });
  if (em.faults.chance("api_5xx", f.api_5xx_rate)) throw apiError("internal_error", "Internal error (injected fault).");
}

function authenticate(em: Emulator, req: IncomingMessage): Workspace {
  const auth = header(req, "authorization");
  const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  if (!m) throw apiError("api_key.invalid", "Send your API key as Authorization: Bearer <key>.");
  const given = Buffer.from(m[1]!);
  for (const ws of em.store.workspaces.values()) {
    const expected = Buffer.from(ws.api_key);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return ws;
  }
  throw apiError("api_key.invalid", "The API key is not valid.");
}

function errorCodeOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const b = body as { error?: { code?: unknown }; code?: unknown };
  const code = b.error?.code ?? b.code;
  return typeof code === "string" ? code : null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw apiError("validation.failed", "The request body is too large (1 MB at most).");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
