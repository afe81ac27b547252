// The pieces a benchmark runs against: the real emulator, a migrated database (embedded or a
// fresh PostgreSQL database), the production build under the production server (scripts/lib/production-server.ts), and the data helper.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { deployMigrations } from "@/scripts/db/migrate";
import { prismaPaths } from "@/scripts/db/migrations-dir";
import { appArgs } from "@/scripts/lib/stack";
import { startEmulator, type RunningEmulator } from "@/tests/support/emulator-process";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * Where the production build is served from: the repo by default, or BENCH_APP_ROOT — a directory
 * holding a private copy of `.next` (and links to the rest of the repo), so a long run is not
 * disturbed by someone rebuilding `.next` meanwhile.
 */
export const APP_ROOT = process.env.BENCH_APP_ROOT ? path.resolve(process.env.BENCH_APP_ROOT) : ROOT;
export type DbKind = "embedded" | "postgres";
export type Database = { kind: DbKind; url: string; drop(): Promise<void> };

export function postgresServerUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? "postgresql://mkutano:mkutano@127.0.0.1:5432/mkutano";
}

export async function createDatabase(kind: DbKind): Promise<Database> {
  const paths = prismaPaths(path.join(ROOT, "prisma"));
  if (kind === "embedded") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mkutano-bench-"));
    const url = `pglite:${dir}`;
    await deployMigrations(url, { paths });
    return { kind, url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `mkutano_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new URL(postgresServerUrl());
  admin.pathname = "/postgres";
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  await deployMigrations(url.toString(), { paths });
  return { kind, url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export function bootEmulator(env: Record<string, string> = {}): Promise<RunningEmulator> {
  return startEmulator({ env: { EMULATOR_TIME_SCALE: "1", ...env } });
}

export function appEnv(db: Database, emulatorUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    APP_BASE_URL: `http://127.0.0.1:${port}`,
    SAUTIKIT_API_URL: emulatorUrl,
    AUTH_TRUST_HOST: "true",
    LOG_LEVEL: "error",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Runs bench/support/app-data.ts with the app's configuration; returns its JSON answer. */
export async function appData<T>(command: "seed" | "count", input: unknown, env: Record<string, string>): Promise<T> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "bench/support/app-data.ts", command, JSON.stringify(input)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, MKUTANO_DISABLE_WORKER: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`app-data ${command} failed (${code}):\n${err.slice(-3000)}`);
  const line = out.trim().split("\n").at(-1)!;
  return JSON.parse(line) as T;
}

export type RunningApp = {
  url: string;
  port: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
  child: ChildProcess;
  /** The last 20 kB the server printed (errors only: the bench runs it with LOG_LEVEL=error). */
  output(): string;
};

export async function startApp(
  env: Record<string, string>,
  port: number,
  /** Another Next app to serve (the P1 Next floor, bench/next-floor); not profiled. */
  root = APP_ROOT,
): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error(`no production build in ${root}/.next: run \`npm run build\` first`);
  // The server `npm start` runs (Next plus the webhook lane, ADR 0008), so the bench measures what is deployed.
  // BENCH_APP_NODE_ARGS: extra node flags for the app only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = root === APP_ROOT ? (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean) : [];
  const args = [...nodeArgs, ...appArgs("start", { appPort: port, appHost: "127.0.0.1" }, root)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited early:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the app server did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      // The server drains in-flight requests for up to 5 s on SIGTERM; do not wait for ever.
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function sign(body: string, secret: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${crypto.createHmac("sha256", secret).update(`${body}.${t}`).digest("hex")}`;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
