import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/config";
import { PATH_HEADER } from "@/lib/auth/constants";

// Redirects only. Every page, action and route handler verifies the session itself
// (lib/auth/actor); this just saves a visitor without a session cookie a round trip, and tells
// pages which path was asked for so they can send people back after signing in.
//
// Deliberately not Auth.js's `auth()` middleware: it re-issues the session cookie on every
// request, so a prefetch in flight while someone signs out would put the cookie back.

const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/forgot-password", "/invite/", "/reset-password/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => (p.endsWith("/") ? pathname.startsWith(p) : pathname === p || pathname.startsWith(`${p}/`)));
}

function hasSessionCookie(req: NextRequest): boolean {
  const name = sessionCookieName();
  return req.cookies.getAll().some((c) => c.name === name || c.name.startsWith(`${name}.`));
}

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (!isPublic(pathname) && !hasSessionCookie(req)) {
    const url = new URL("/sign-in", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static assets need no session.
  matcher: ["/((?!api/|_next/|_emulator|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt|woff2?|wav|mp3)$).*)"],
};
