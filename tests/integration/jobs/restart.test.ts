// A job survives a process restart and runs once: the first app process enqueues two jobs and
// crashes in the middle of one; a second process picks both up (one after its lease expires, one
// when it falls due) and each completes exactly once.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const child = path.join(repoRoot, "tests/integration/jobs/support/job-child.ts");

function run(
  mode: "crash" | "resume",
  databaseUrl: string,
  marker: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", child, mode, marker], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", MKUTANO_DISABLE_WORKER: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("error", reject);
    p.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("durable jobs across a process restart", () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "mkutano-jobs-"));
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("finishes every job exactly once after a crash", async () => {
    const marker = path.join(dir, "marker.log");
    const first = await run("crash", database.url, marker);
    expect(first.code, first.stderr).toBe(42);
    expect(readFileSync(marker, "utf8").trim().split("\n")).toEqual(["crashy start 1"]);

    const second = await run("resume", database.url, marker);
    expect(second.code, second.stderr).toBe(0);
    const lines = readFileSync(marker, "utf8").trim().split("\n");
    expect(lines.filter((l) => l === "crashy done")).toHaveLength(1);
    expect(lines.filter((l) => l === "later done")).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("later start"))).toEqual(["later start 1"]);
    expect(lines.filter((l) => l.startsWith("crashy start"))).toEqual(["crashy start 1", "crashy start 2"]);

    const { claimedAfterDone, jobs } = JSON.parse(second.stdout.trim().split("\n").at(-1)!) as {
      claimedAfterDone: number;
      jobs: Array<Record<string, unknown>>;
    };
    expect(claimedAfterDone).toBe(0);
    expect(jobs).toEqual([
      { uniqueKey: "restart:crashy", status: "done", attempts: 2, lockedBy: "second-process" },
      { uniqueKey: "restart:later", status: "done", attempts: 1, lockedBy: "second-process" },
    ]);
  }, 60_000);
});
