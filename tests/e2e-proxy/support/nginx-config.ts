// Renders the nginx configuration shipped in docs/nginx/mkutano.conf for this machine: only the
// lines marked "(site)" change (instance addresses, listen addresses, certificate paths, access
// log), so what CI proves is the documented file. A missing "(site)" line fails loudly: the docs and
// the test cannot drift apart silently.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "@/scripts/lib/config";

export const SHIPPED_CONFIG = path.join(repoRoot, "docs/nginx/mkutano.conf");

export type ProxyLayout = {
  dir: string;
  httpsPort: number;
  httpPort: number;
  instancePorts: number[];
  cert: string;
  key: string;
};

export type RenderOptions = {
  /** Instances nginx must not send new requests to (marked `down`). */
  downPorts?: number[];
  /** Shorter idle timeout on the event stream, so a test can outlast it (the app beats every 15 s). */
  streamReadTimeout?: string;
  /**
   * Test-only: the upstream that served each response, as a header. Never in the shipped file
   * (it would publish internal addresses).
   */
  upstreamHeader?: boolean;
  /**
   * For proving the test can fail: buffer the event stream (ignoring the app's X-Accel-Buffering),
   * and with "buffer+gzip" compress it too.
   */
  breakStreaming?: "buffer" | "buffer+gzip";
};

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`${SHIPPED_CONFIG}: cannot find ${what} (pattern ${pattern})`);
  return text.replace(pattern, replacement);
}

export function renderSiteConfig(layout: ProxyLayout, options: RenderOptions = {}): string {
  let text = readFileSync(SHIPPED_CONFIG, "utf8");
  const upstreamLine = /^([ \t]*)server 127\.0\.0\.1:\d+ ([^;]*);[ \t]*# \(site\).*\n/gm;
  const params = [...text.matchAll(upstreamLine)];
  if (params.length < 2) throw new Error(`${SHIPPED_CONFIG}: expected the (site) upstream server lines`);
  const indent = params[0]![1];
  const extra = params[0]![2];
  const servers = layout.instancePorts
    .map((port) => `${indent}server 127.0.0.1:${port} ${extra}${options.downPorts?.includes(port) ? " down" : ""};\n`)
    .join("");
  text = text.replace(upstreamLine, (_m, _i, _p, offset: number) => (offset === params[0]!.index ? servers : ""));

  text = replaceOnce(
    text,
    /listen 443 ssl http2;[^\n]*/,
    `listen 127.0.0.1:${layout.httpsPort} ssl http2;`,
    "the TLS listen line",
  );
  text = replaceOnce(text, /listen 80;[^\n]*/, `listen 127.0.0.1:${layout.httpPort};`, "the plain-HTTP listen line");
  text = text.replace(/server_name meet\.example\.com;[^\n]*/g, "server_name 127.0.0.1 localhost;");
  text = replaceOnce(text, /ssl_certificate +\S+;[^\n]*/, `ssl_certificate ${layout.cert};`, "ssl_certificate");
  text = replaceOnce(
    text,
    /ssl_certificate_key +\S+;[^\n]*/,
    `ssl_certificate_key ${layout.key};`,
    "ssl_certificate_key",
  );
  text = replaceOnce(
    text,
    /access_log \S+ mkutano;[^\n]*/,
    `access_log ${path.join(layout.dir, "access.log")} mkutano;`,
    "the access_log line",
  );
  if (options.streamReadTimeout) {
    text = replaceOnce(
      text,
      /proxy_read_timeout 1h;/,
      `proxy_read_timeout ${options.streamReadTimeout};`,
      "the stream's read timeout",
    );
  }
  if (options.upstreamHeader) {
    text = replaceOnce(
      text,
      /(ssl_protocols [^\n]*\n)/,
      `$1    add_header X-Mkutano-Upstream $upstream_addr always;\n`,
      "ssl_protocols",
    );
  }
  if (options.breakStreaming) {
    const gzip = options.breakStreaming === "buffer+gzip" ? "gzip on;\n$2gzip_types text/event-stream;" : "gzip off;";
    text = replaceOnce(
      text,
      /proxy_buffering off;\n(\s*)proxy_cache off;\n(\s*)gzip off;/,
      `proxy_buffering on;\n$1proxy_ignore_headers X-Accel-Buffering;\n$2${gzip}`,
      "the stream location's buffering lines",
    );
  }
  return text;
}

/** A whole nginx.conf around the site file, with every path inside `layout.dir` (no root-owned files). */
export function renderMainConfig(layout: ProxyLayout): string {
  const tmp = (name: string) => path.join(layout.dir, "tmp", name);
  return [
    "worker_processes 1;",
    `pid ${path.join(layout.dir, "nginx.pid")};`,
    `error_log ${path.join(layout.dir, "error.log")} warn;`,
    "events { worker_connections 512; }",
    "http {",
    "    include /etc/nginx/mime.types;",
    "    default_type application/octet-stream;",
    `    client_body_temp_path ${tmp("body")};`,
    `    proxy_temp_path ${tmp("proxy")};`,
    `    fastcgi_temp_path ${tmp("fastcgi")};`,
    `    uwsgi_temp_path ${tmp("uwsgi")};`,
    `    scgi_temp_path ${tmp("scgi")};`,
    `    include ${path.join(layout.dir, "mkutano.conf")};`,
    "}",
    "",
  ].join("\n");
}
