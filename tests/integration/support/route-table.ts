// Finds the app's route handlers (app/**/route.ts) and matches URL paths to them with Next's rules:
// static segments beat [dynamic] ones, which beat [...catchAll] and [[...optional]] ones;
// (groups) and @slots do not appear in the URL.
import { readdirSync } from "node:fs";
import path from "node:path";

type Segment =
  | { kind: "static"; value: string }
  | { kind: "dynamic"; name: string }
  | { kind: "catchAll"; name: string; optional: boolean };

export type RouteEntry = { file: string; page: string; segments: Segment[] };
export type RouteMatch = { route: RouteEntry; params: Record<string, string | string[]> };

function parseSegment(raw: string): Segment {
  const optional = /^\[\[\.\.\.(.+)\]\]$/.exec(raw);
  if (optional) return { kind: "catchAll", name: optional[1]!, optional: true };
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(raw);
  if (catchAll) return { kind: "catchAll", name: catchAll[1]!, optional: false };
  const dynamic = /^\[(.+)\]$/.exec(raw);
  if (dynamic) return { kind: "dynamic", name: dynamic[1]! };
  return { kind: "static", value: raw };
}

const rank = { static: 0, dynamic: 1, catchAll: 2 } as const;

/** Orders routes so the first match is the one Next would pick. */
function compareRoutes(a: RouteEntry, b: RouteEntry): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const sa = a.segments[i];
    const sb = b.segments[i];
    if (!sa || !sb) return sa ? -1 : 1;
    const d = rank[sa.kind] - rank[sb.kind];
    if (d !== 0) return d;
  }
  return 0;
}

export function discoverRoutes(appDir: string): RouteEntry[] {
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|\/)route\.(ts|tsx|js|mjs)$/.test(f))
    .filter((f) => !f.split(path.sep).some((part) => part.startsWith("_") || part === "node_modules"));
  const routes = files.map((relative) => {
    const dirs = path
      .dirname(relative)
      .split(path.sep)
      .filter((d) => d !== ".");
    const urlDirs = dirs.filter((d) => !(d.startsWith("(") && d.endsWith(")")) && !d.startsWith("@"));
    return {
      file: path.join(appDir, relative),
      page: `/${[...dirs, "route"].join("/")}`,
      segments: urlDirs.map(parseSegment),
    };
  });
  return routes.sort(compareRoutes);
}

function matchRoute(route: RouteEntry, parts: string[]): RouteMatch | undefined {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!;
    if (segment.kind === "catchAll") {
      const rest = parts.slice(i);
      if (rest.length === 0 && !segment.optional) return undefined;
      if (rest.length > 0) params[segment.name] = rest;
      return { route, params };
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === "static" && segment.value !== part) return undefined;
    if (segment.kind === "dynamic") params[segment.name] = part;
  }
  return parts.length === route.segments.length ? { route, params } : undefined;
}

export function findRoute(routes: RouteEntry[], pathname: string): RouteMatch | undefined {
  let parts: string[];
  try {
    parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // Malformed percent-encoding: no route can match it.
  }
  for (const route of routes) {
    const match = matchRoute(route, parts);
    if (match) return match;
  }
  return undefined;
}
