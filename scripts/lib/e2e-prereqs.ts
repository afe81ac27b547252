// What the e2e tier needs before Playwright starts: Debian's chromium and a current production build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./config";

export const CHROMIUM = "/usr/bin/chromium";
const INSTALL = "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium";

type ChromiumHost = { chromium: string; isRoot: boolean; hasAptGet: boolean; install(command: string): number | null };

const thisMachine: ChromiumHost = {
  chromium: CHROMIUM,
  isRoot: process.getuid?.() === 0,
  hasAptGet: existsSync("/usr/bin/apt-get"),
  install: (command) => spawnSync("sh", ["-c", command], { stdio: "inherit" }).status,
};

/** Installs Debian's chromium when we can (root + apt-get); otherwise says exactly how. */
export function ensureChromium(
  log: (line: string) => void,
  host: ChromiumHost = thisMachine,
): { ok: true } | { ok: false; reason: string } {
  if (existsSync(host.chromium)) return { ok: true };
  if (!host.isRoot || !host.hasAptGet) {
    return {
      ok: false,
      reason: `${host.chromium} is missing. Install Debian's chromium, then re-run:\n  sudo sh -c '${INSTALL}'`,
    };
  }
  log(`${host.chromium} is missing; installing Debian's chromium: ${INSTALL}`);
  const status = host.install(INSTALL);
  if (status !== 0 || !existsSync(host.chromium)) {
    return { ok: false, reason: `installing chromium failed (exit ${status}); try: ${INSTALL}` };
  }
  return { ok: true };
}

// What `next build` reads. Newer than .next/BUILD_ID means the build is stale.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "auth.ts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { recursive: true, encoding: "utf8" })) {
    const s = statSync(path.join(target, entry), { throwIfNoEntry: false });
    if (s && s.mtimeMs > newest) newest = s.mtimeMs;
  }
  return newest;
}

/** Why a build is needed, or undefined when .next is current (.ci/run builds once up front). */
export function buildNeeded(root = repoRoot): string | undefined {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const built = statSync(buildId).mtimeMs;
  const stale = BUILD_INPUTS.find((input) => newestMtime(path.join(root, input)) > built);
  return stale ? `${stale} changed since the last build` : undefined;
}

export function runNextBuild(): boolean {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return result.status === 0;
}

export const NGINX = "/usr/sbin/nginx";

/** The reverse-proxy pass uses Debian's nginx; says how to get it when it is not there. */
export function findNginx(nginx = NGINX): { ok: true } | { ok: false; reason: string } {
  if (existsSync(nginx)) return { ok: true };
  return {
    ok: false,
    reason: `${nginx} is missing, so the reverse-proxy e2e pass cannot run. Install it with: apt-get install -y --no-install-recommends nginx`,
  };
}
