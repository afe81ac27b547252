// A whole app instance as its own OS process, so a test can kill -9 it: the app's real route
// handlers (app/**/route.ts) served on PORT the way the in-process adapter serves them, plus the
// job worker that instrumentation.ts starts under `next start`. Configured by the environment
// (DATABASE_URL, APP_BASE_URL, SAUTIKIT_API_URL). Prints "ready <url>" once it listens.
// Run: PORT=… node --conditions=react-server --import tsx app-child.ts
// First: Next's modules need AsyncLocalStorage on globalThis before they load.
import "../../support/next-globals";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NextRequest } from "next/server";
import { runInNextContext } from "../../support/next-context";
import { discoverRoutes, findRoute } from "../../support/route-table";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../app");
const routes = discoverRoutes(appDir);
const port = Number(process.env.PORT);
const base = `http://127.0.0.1:${port}`;

const { register } = await import("@/instrumentation");
process.env.NEXT_RUNTIME = "nodejs";
await register();

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", base);
    const match = findRoute(routes, url.pathname);
    const mod = match ? ((await import(match.route.file)) as Record<string, unknown>) : undefined;
    const handler = mod?.[req.method ?? "GET"] as Parameters<typeof runInNextContext>[2] | undefined;
    if (!match || !handler) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(Buffer.concat(chunks));
    const request = new NextRequest(url, { method: req.method, headers, body });
    const response = await runInNextContext(match.route.page, request, handler, match.params, {
      waitUntil: () => {},
      onClose: (cb) => res.once("close", cb),
    });
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  }
});
server.listen(port, "127.0.0.1", () => console.log(`ready ${base}`));
