// Self time of a V8 CPU profile by package, over the busiest window of the run — how ADR 0024's
// profiles of the app under the bench were read. Take one with
//   BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- --only=P1 --db=postgres
// then
//   node --import tsx bench/support/cpu-profile-summary.ts /tmp/prof/<file>.cpuprofile [--window=10] [--top=15]
// The window (seconds) is the stretch with the most non-idle samples, i.e. the load phase, not the
// start-up's compilation. Frames in Next's bundled server chunks are mapped back to their sources
// through the build's source maps (that is how our lib/ is told apart from the packages bundled with
// it); WebAssembly frames count for the package whose JavaScript called them (Prisma's query
// compiler, PGlite).
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) throw new Error("usage: cpu-profile-summary.ts <file.cpuprofile> [--window=10] [--top=15]");
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const windowUs = option("window", 10) * 1e6;
const top = option("top", 15);
/** --detail=N: also the N source files with the most self time (our lib/ is mapped per file). */
const detail = option("detail", 0);

const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const p = url.startsWith("file://") ? fileURLToPath(url) : url;
      const payload = JSON.parse(fs.readFileSync(`${p}.map`, "utf8"));
      if (payload.sources?.length || payload.sections?.length) map = new SourceMap(payload);
    } catch {
      // No map (not a bundle, or an empty one): the URL alone decides.
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** The original source of a frame: the mapped source for a bundled chunk, else its URL. */
function sourceOf(frame: CallFrame): string {
  if (frame.url.includes("/.next/")) {
    const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as
      { originalSource?: string } | undefined;
    if (entry?.originalSource) return entry.originalSource;
  }
  return frame.url;
}

/** Node's own code, by what it does for a request (web objects, streams, sockets, HTTP parsing…). */
function nodeArea(source: string): string {
  if (source.includes("undici")) return "node: web Request/Response/Headers (undici)";
  if (source.includes("webstreams")) return "node: web streams";
  if (/internal\/streams|^node:stream/.test(source)) return "node: node streams";
  if (/_http_|node:http/.test(source)) return "node: http";
  if (/node:net|stream_base|internal\/net/.test(source)) return "node: net/socket";
  if (source.includes("crypto")) return "node: crypto";
  if (/url|querystring/.test(source)) return "node: url";
  if (/timers|task_queues|async_hooks|promises|process\//.test(source)) return "node: timers/promises/ticks";
  if (source === "") return "node: native (no script)";
  return "node: other";
}

function packageOf(source: string): string {
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const [a, b] = source.slice(nm + "node_modules/".length).split("/");
    const pkg = a!.startsWith("@") ? `${a}/${b}` : a!;
    if (pkg.startsWith("@prisma/") || pkg === "prisma") return "prisma";
    if (["pg", "pg-pool", "pg-protocol", "pg-types", "pg-connection-string", "postgres-array"].includes(pkg))
      return "pg";
    if (pkg === "react-dom" || pkg === "react" || pkg === "react-server-dom-turbopack") return `react (${pkg})`;
    return pkg;
  }
  if (source.includes("lib/generated/prisma")) return "prisma";
  if (/query_compiler|@prisma/.test(source)) return "prisma";
  if (/(^|\/)\.next\/server\/chunks\/ssr\//.test(source)) return "next (ssr chunk, unmapped)";
  if (source.includes("/.next/")) return "bundled chunk, unmapped";
  const rel = source.replace(/^file:\/\//, "").replace(/^(\.\.\/)+/, "");
  for (const ours of ["scripts/", "app/", "lib/", "emulator/", "bench/"])
    if (rel.startsWith(ours) || rel.includes(`/${ours}`)) return `ours: ${ours.slice(0, -1)}/`;
  if (source.startsWith("node:") || source === "" || !source.includes("/")) return nodeArea(source);
  return path.basename(source);
}

const categoryCache = new Map<number, string>();
function categoryOf(id: number): string {
  const cached = categoryCache.get(id);
  if (cached) return cached;
  const { callFrame } = byId.get(id)!;
  let category: string;
  if (callFrame.url === "" && /^\((garbage collector|program|idle|root)\)$/.test(callFrame.functionName))
    category = callFrame.functionName;
  else if (callFrame.url === "") {
    // A builtin (JSON, RegExp, Buffer, the microtask queue…): its caller's time.
    const up = parent.get(id);
    category = up === undefined ? "node: native" : categoryOf(up).replace(/ \(native\)$/, "") + " (native)";
  } else if (callFrame.url.startsWith("wasm://")) {
    // The JavaScript that called into the module owns its time.
    let up = parent.get(id);
    const skip = (n: number) => {
      const url = byId.get(n)!.callFrame.url;
      return url.startsWith("wasm://") || url === "" || url.startsWith("node:");
    };
    while (up !== undefined && skip(up)) up = parent.get(up);
    category = `${up === undefined ? "wasm" : categoryOf(up)} (wasm)`;
  } else category = packageOf(sourceOf(callFrame));
  categoryCache.set(id, category);
  return category;
}

// Sample times, then the busiest window.
const times: number[] = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) times.push((t += d));
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
const weight = (i: number) => (i + 1 < times.length ? times[i + 1]! - times[i]! : 0);
let best = { from: 0, to: 0, busy: -1 };
let busy = 0;
for (let lo = 0, hi = 0; lo < times.length; lo++) {
  while (hi < times.length && times[hi]! - times[lo]! < windowUs) {
    if (!idle.has(profile.samples[hi]!)) busy += weight(hi);
    hi++;
  }
  if (busy > best.busy) best = { from: lo, to: hi, busy };
  if (!idle.has(profile.samples[lo]!)) busy -= weight(lo);
}

const self = new Map<string, number>();
const files = new Map<string, number>();
const callers = new Map<string, number>();
for (let i = best.from; i < best.to; i++) {
  const id = profile.samples[i]!;
  if (idle.has(id)) continue;
  const c = categoryOf(id);
  self.set(c, (self.get(c) ?? 0) + weight(i));
  if (detail && c.startsWith("prisma")) {
    // Who asked Prisma: the nearest frame of ours above it.
    let up: number | undefined = id;
    while (up !== undefined && !categoryOf(up).startsWith("ours")) up = parent.get(up);
    const f = up === undefined ? "?" : `${sourceOf(byId.get(up)!.callFrame)} ${byId.get(up)!.callFrame.functionName}`;
    callers.set(f, (callers.get(f) ?? 0) + weight(i));
  }
  if (detail) {
    const f = `${c} · ${sourceOf(byId.get(id)!.callFrame)
      .replace(/^.*node_modules\//, "")
      .replace(/^(\.\.\/)+/, "")}`;
    files.set(f, (files.get(f) ?? 0) + weight(i));
  }
}
const wall = times[best.to - 1]! - times[best.from]!;
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(
  `${path.basename(file)}: busiest ${(wall / 1e6).toFixed(1)} s window, CPU busy ${((total / wall) * 100).toFixed(0)} % of it (${(total / 1e3).toFixed(0)} ms)`,
);
console.log("| self time by package | ms | share of busy CPU |\n|---|---|---|");
const rows = [...self].sort((a, b) => b[1] - a[1]);
for (const [c, us] of rows.slice(0, top))
  console.log(`| ${c} | ${(us / 1e3).toFixed(0)} | ${((us / total) * 100).toFixed(1)} % |`);
const rest = rows.slice(top).reduce((a, [, us]) => a + us, 0);
if (rest)
  console.log(`| (${rows.length - top} more) | ${(rest / 1e3).toFixed(0)} | ${((rest / total) * 100).toFixed(1)} % |`);
if (detail) {
  console.log("\n| source file (self time) | ms | share |\n|---|---|---|");
  for (const [f, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, detail))
    console.log(`| ${f} | ${(us / 1e3).toFixed(0)} | ${((us / total) * 100).toFixed(1)} % |`);
}
if (detail) {
  console.log("\n| Prisma's time, by our caller | ms | share |\n|---|---|---|");
  for (const [f, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`| ${f.replace(/^(\.\.\/)+/, "")} | ${(us / 1e3).toFixed(0)} | ${((us / total) * 100).toFixed(1)} % |`);
}
