import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { runtimeAuthConfig } from "@/lib/auth/config";
import { PATH_HEADER } from "@/lib/auth/constants";

// Redirects only. Every page, action and route handler checks the session itself (lib/auth/actor);
// this just saves a signed-out visitor a round trip and tells pages which path was asked for.
const { auth } = NextAuth(runtimeAuthConfig());

const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/invite/", "/reset-password/"];

const withSession = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`));
  if (!req.auth && !isPublic) {
    const url = new URL("/sign-in", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
});

// Next requires a statically visible function export named `proxy`.
export function proxy(req: NextRequest, ctx: NextFetchEvent) {
  return withSession(req, ctx as never);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static assets need no session.
  matcher: ["/((?!api/|_next/|_emulator|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt|woff2?)$).*)"],
};
