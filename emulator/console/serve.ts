import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// The phones console: a small React app bundled in memory by esbuild on first
// request, so nobody has to run a build step before `npm run emulator`.

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(here, "app", "main.tsx");

type Asset = { body: Buffer; gzip: Buffer; type: string; etag: string };
type Bundle = Map<string, Asset>;

let pending: Promise<Bundle> | null = null;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sautikit emulator · Phones console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console.css">
<script type="module" src="/console.js"></script>
</head>
<body>
<div id="root"><p class="boot">Loading the phones console…</p></div>
<noscript>The phones console needs JavaScript.</noscript>
</body>
</html>
`;

async function bundle(): Promise<Bundle> {
  const result = await build({
    entryPoints: { console: entry },
    bundle: true,
    write: false,
    outdir: "/console-out",
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    jsx: "automatic",
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const assets: Bundle = new Map();
  for (const file of result.outputFiles) {
    const name = "/" + path.basename(file.path);
    const type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    const body = Buffer.from(file.contents);
    assets.set(name, { body, gzip: gzipSync(body), type, etag: `W/"${file.hash}"` });
  }
  const html = Buffer.from(HTML);
  assets.set("/", {
    body: html,
    gzip: gzipSync(html),
    type: "text/html; charset=utf-8",
    etag: `W/"${hashOf(assets)}"`,
  });
  return assets;
}

function hashOf(assets: Bundle): string {
  // Weak ETags: the same validator covers the gzip and identity bodies.
  return [...assets.values()].map((a) => a.etag.replace(/^W\/"|"$/g, "")).join("-");
}

function loadBundle(): Promise<Bundle> {
  if (!pending) {
    pending = bundle().catch((error: unknown) => {
      // Do not cache a failed build: the next request tries again.
      pending = null;
      throw error;
    });
  }
  return pending;
}

const WARM_DELAY_MS = 2000;

/**
 * Bundles shortly after start so the first page load is quick. Deferred (and
 * unref'd) so the many short-lived emulators that tests start never pay for a
 * console nobody opens. Errors surface on request.
 */
export function warmConsole(): void {
  setTimeout(() => loadBundle().catch(() => undefined), WARM_DELAY_MS).unref();
}

/**
 * Serves `GET /` (and `HEAD`) plus the console's bundled assets.
 * Returns false for anything else, so the caller can answer 404.
 */
export async function handleConsoleRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = new URL(req.url ?? "/", "http://console.local").pathname;
  const route = pathname === "/index.html" ? "/" : pathname;
  if (route !== "/" && route !== "/console.js" && route !== "/console.css") return false;

  let assets: Bundle;
  try {
    assets = await loadBundle();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    res.end(`The phones console failed to build:\n${message}\n`);
    return true;
  }
  const asset = assets.get(route);
  if (!asset) return false;

  const headers: Record<string, string> = {
    "Content-Type": asset.type,
    "Cache-Control": "no-cache",
    ETag: asset.etag,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    Vary: "Accept-Encoding",
  };
  if (route === "/") headers["Content-Security-Policy"] = CSP;
  if (req.headers["if-none-match"] === asset.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? asset.gzip : asset.body;
  if (gzip) headers["Content-Encoding"] = "gzip";
  headers["Content-Length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
