import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/config";
import { PATH_HEADER } from "@/lib/auth/constants";
import { env } from "@/lib/env";
import { DEFAULT_BODY_LIMIT } from "@/lib/http/read-body";
import { apiSecurityHeaders, newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

// Redirects only. Every page, action and route handler verifies the session itself
// (lib/auth/actor); this just saves a visitor without a session cookie a round trip, and tells
// pages which path was asked for so they can send people back after signing in.
//
// Deliberately not Auth.js's `auth()` middleware: it re-issues the session cookie on every
// request, so a prefetch in flight while someone signs out would put the cookie back.
//
// It also sets each page's security headers: a Content-Security-Policy with a fresh nonce (Next
// reads it from the request's CSP header and stamps it on the scripts it renders), HSTS when the
// app is served over https. The static headers (nosniff, framing…) come from next.config.mjs.

const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/forgot-password", "/invite/", "/reset-password/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) =>
    p.endsWith("/") ? pathname.startsWith(p) : pathname === p || pathname.startsWith(`${p}/`),
  );
}

function hasSessionCookie(req: NextRequest): boolean {
  const name = sessionCookieName();
  return req.cookies.getAll().some((c) => c.name === name || c.name.startsWith(`${name}.`));
}

function securityHeaders(): Record<string, string> {
  const e = env();
  return pageSecurityHeaders({
    nonce: newNonce(),
    dev: e.NODE_ENV === "development",
    https: new URL(e.APP_BASE_URL).protocol === "https:",
  });
}

/**
 * A POST to a page is a server action (a form). Next caps its body (next.config.mjs), but a form
 * posted without script is first copied into memory for this proxy, and a body cut off there is a
 * 500, not a 413. So the declared length decides, before any of it is read: over the cap → 413;
 * no length at all (chunked; browsers always send one) → 411.
 */
function refuseOversizedPost(req: NextRequest): NextResponse | undefined {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return undefined;
  const declared = req.headers.get("content-length");
  const length = declared !== null && /^\d+$/.test(declared.trim()) ? Number(declared) : undefined;
  if (length !== undefined && length <= DEFAULT_BODY_LIMIT) return undefined;
  const [status, code, message] =
    length === undefined
      ? [411, "VALIDATION", "Send the form with a Content-Length."]
      : [413, "PAYLOAD_TOO_LARGE", `The request body is too large: the limit is ${DEFAULT_BODY_LIMIT / 1024} KB.`];
  const res = NextResponse.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store", Connection: "close" } },
  );
  for (const [k, v] of Object.entries(apiSecurityHeaders(new URL(env().APP_BASE_URL).protocol === "https:")))
    res.headers.set(k, v);
  return res;
}

export function proxy(req: NextRequest) {
  const refused = refuseOversizedPost(req);
  if (refused) return refused;
  const { pathname, search } = req.nextUrl;
  const security = securityHeaders();
  if (!isPublic(pathname) && !hasSessionCookie(req)) {
    const url = new URL("/sign-in", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    const res = NextResponse.redirect(url);
    for (const [k, v] of Object.entries(security)) res.headers.set(k, v);
    return res;
  }
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  // Next takes the nonce for its own scripts from the request's policy.
  headers.set("content-security-policy", security["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers } });
  for (const [k, v] of Object.entries(security)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static assets need no session.
  matcher: [
    "/((?!api/|_next/|_emulator|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt|woff2?|wav|mp3|webmanifest)$).*)",
  ],
};
