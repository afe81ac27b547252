import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import {
  addressAllowed,
  addressRefusal,
  apiUrlProblem,
  fenceError,
  normalHost,
  outboundPolicy,
  recordingUrlProblem,
  type OutboundPolicy,
} from "@/lib/sautikit/outbound-policy";

// The one module that opens connections to a workspace's Sautikit: its API (lib/sautikit/http.ts
// sends every API call through apiFetch) and the recording files its redirects point at
// (openRecordingFile). Each connection goes only where lib/sautikit/outbound-policy.ts allows:
// the URL is checked first, then the address the host name resolves to — inside the socket's own
// `lookup`, so the address checked is the address connected to and DNS cannot change in between.
// Redirects are never followed automatically; recordings follow them here, one checked hop at a time.

export type FencedInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Fail unless the response headers arrive within this long. */
  headersTimeoutMs?: number;
  /** Fail when the connection stays silent this long (also while the body streams). */
  idleTimeoutMs?: number;
};

// Keep-alive pools: a pooled socket was checked when it was opened. Idle sockets close after 4 s,
// before a typical server's 5 s keep-alive timeout, so a reused socket is rarely a closing one.
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: 4_000 }),
  "https:": new https.Agent({ keepAlive: true, timeout: 4_000 }),
};

/** A `lookup` for net.connect that only ever yields allowed addresses (or fails the connection). */
export function fencedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const cb = callback as (
      err: NodeJS.ErrnoException | null,
      address?: string | { address: string; family: number }[],
      family?: number,
    ) => void;
    policy
      .resolve(hostname)
      .then((found) => {
        const wanted =
          options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        // One bad address refuses the name: a host that mixes public and private answers is not trusted.
        const bad = found.find((a) => !addressAllowed(a.address, policy));
        if (bad) return cb(fenceError(addressRefusal(bad.address)) as unknown as NodeJS.ErrnoException);
        if (wanted.length === 0) {
          const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: "ENOTFOUND",
            hostname,
          }) as NodeJS.ErrnoException;
          return cb(err);
        }
        if (options.all)
          return cb(
            null,
            wanted.map((a) => ({ address: a.address, family: a.family })),
          );
        return cb(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((err: unknown) => cb(err as NodeJS.ErrnoException));
  };
}

/**
 * One HTTP request, no redirects followed, to a URL the caller has already checked. The address is
 * checked here (literal addresses directly, names through fencedLookup).
 */
async function fencedRequest(url: URL, init: FencedInit, policy: OutboundPolicy): Promise<Response> {
  const host = normalHost(url.hostname);
  if (isIP(host) && !addressAllowed(host, policy)) throw fenceError(addressRefusal(host));
  const mod = url.protocol === "https:" ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: init.method ?? "GET",
        headers: init.headers,
        agent: agents[url.protocol as "http:" | "https:"],
        lookup: fencedLookup(policy),
        signal: init.signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 599) {
          res.destroy();
          return reject(new Error(`unusable HTTP status ${status}`));
        }
        const headers = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          try {
            headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          } catch {
            // A header the Fetch API cannot hold is dropped; nothing downstream needs it.
          }
        }
        const noBody = init.method === "HEAD" || status === 204 || status === 205 || status === 304;
        if (noBody) res.resume();
        resolve(new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
      },
    );
    const timeout = (what: string) => Object.assign(new Error(`Sautikit ${what}`), { name: "TimeoutError" });
    const headersTimer = init.headersTimeoutMs
      ? setTimeout(() => req.destroy(timeout("did not answer in time")), init.headersTimeoutMs)
      : undefined;
    req.once("response", () => clearTimeout(headersTimer));
    if (init.idleTimeoutMs) req.setTimeout(init.idleTimeoutMs, () => req.destroy(timeout("went silent")));
    req.on("error", (err) => {
      clearTimeout(headersTimer);
      reject(err);
    });
    req.end(init.body);
  });
}

/** A request to a workspace's Sautikit API (the fetch lib/sautikit/http.ts uses). */
export async function apiFetch(
  input: string | URL,
  init: FencedInit = {},
  policy: OutboundPolicy = outboundPolicy(),
): Promise<Response> {
  const url = new URL(input);
  const problem = apiUrlProblem(url, policy);
  if (problem) throw fenceError(problem);
  return fencedRequest(url, init, policy);
}

export const MAX_RECORDING_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Opens a recording file at `location` (where Sautikit's recording endpoint redirected), following
 * at most MAX_RECORDING_REDIRECTS further redirects, each to an allowed host and address. Resolves
 * with the first non-redirect answer; its body is the caller's to read or cancel.
 */
export async function openRecordingFile(
  apiBaseUrl: string,
  location: string,
  init: Pick<FencedInit, "headers" | "headersTimeoutMs" | "idleTimeoutMs"> = {},
  policy: OutboundPolicy = outboundPolicy(),
): Promise<Response> {
  const apiOrigin = new URL(apiBaseUrl).origin;
  let url = resolveLocation(location, apiBaseUrl);
  for (let hop = 0; ; hop++) {
    const problem = recordingUrlProblem(url, apiOrigin, policy);
    if (problem) throw fenceError(problem);
    const res = await fencedRequest(url, { ...init, method: "GET" }, policy);
    if (!REDIRECTS.has(res.status)) return res;
    await res.body?.cancel();
    const next = res.headers.get("location");
    if (!next) throw new AppError("SAUTIKIT_REJECTED", "recordingRedirectNowhere");
    if (hop + 1 > MAX_RECORDING_REDIRECTS) throw new AppError("SAUTIKIT_REJECTED", "recordingTooManyRedirects");
    url = resolveLocation(next, url.toString());
  }
}

function resolveLocation(location: string, base: string): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new AppError("SAUTIKIT_REJECTED", "recordingLinkUnusable");
  }
}
