import "server-only";
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * CSRF guard for cookie-authenticated mutations. Browsers send Sec-Fetch-Site and/or Origin on
 * every cross-site POST, so a request that carries either must prove it is same-origin; a request
 * with neither comes from a non-browser client, which cannot ride a victim's cookies.
 */
export function isSameOriginRequest(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = req.headers.get("origin");
  if (!origin) return true;
  if (origin === "null") return false;
  return allowedOrigins(req).has(origin);
}

function allowedOrigins(req: Request): Set<string> {
  const origins = new Set<string>([new URL(env().APP_BASE_URL).origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    origins.add(`${proto}://${host}`);
  }
  origins.add(new URL(req.url).origin);
  return origins;
}
