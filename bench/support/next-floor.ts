// The P1 "bare Next" floor: bench/next-floor, a minimal Next app whose one route handler (at the
// join callback's path) reads the body and answers the bytes the real app answered, served by the
// same production server as the app. Built here on first use (and again when its sources or Next
// change), never by the product's build: the product ships no no-op route.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { ROOT, startApp, type RunningApp } from "./stack";

export const FLOOR_DIR = path.join(ROOT, "bench/next-floor");
const SOURCES = ["next.config.mjs", "instrumentation.js", "app/api/sautikit/[workspaceId]/voice/outbound/route.js"];
const require = createRequire(import.meta.url);

function nextVersion(): string {
  return (JSON.parse(fs.readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string }).version;
}

/** The stamp a build is valid for: Next's version and the sources' modification times. */
function stamp(): string {
  const times = SOURCES.map((f) => fs.statSync(path.join(FLOOR_DIR, f)).mtimeMs.toFixed(0));
  return JSON.stringify({ next: nextVersion(), times });
}

/** Builds the floor app unless a build of these sources with this Next is already there. */
export async function ensureNextFloorBuilt(): Promise<void> {
  const stampFile = path.join(FLOOR_DIR, ".next/bench-stamp.json");
  const want = stamp();
  if (fs.existsSync(path.join(FLOOR_DIR, ".next/BUILD_ID")) && fs.readFileSync(stampFile, "utf8") === want) return;
  console.error("building the P1 Next floor (bench/next-floor), once…");
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "build", FLOOR_DIR], {
    cwd: FLOOR_DIR,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-5_000)));
  child.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-5_000)));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`building bench/next-floor failed (${code}):\n${output}`);
  fs.writeFileSync(stampFile, want);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts the floor on a free port, answering `answer` with `contentType`. */
export async function startNextFloor(answer: string, contentType: string): Promise<RunningApp> {
  await ensureNextFloorBuilt();
  const env = { BENCH_FLOOR_ANSWER: answer, BENCH_FLOOR_CONTENT_TYPE: contentType, NEXT_TELEMETRY_DISABLED: "1" };
  return startApp(env, await freePort(), FLOOR_DIR);
}
