// npm test — unit, integration and e2e tiers in sequence, each counted from its runner's JSON report.
// Prints per-tier counts and a final plain line "N passed, N failed"; exits non-zero on any failure.
//   npm test -- --tier integration            (repeatable or comma-separated: --tier unit,e2e)
//   npm test -- --summary-json out.json       (totals for .ci/run to add up across passes)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/config";
import { buildNeeded, ensureChromium, findNginx, runNextBuild } from "./lib/e2e-prereqs";
import { paint } from "./lib/output";
import { type Counts, addCounts, playwrightCounts, vitestCounts } from "./lib/tier-results";

const TIERS = ["unit", "integration", "e2e"] as const;
type Tier = (typeof TIERS)[number];
type TierResult = { tier: Tier; counts: Counts; seconds: number; note?: string };

const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const playwrightBin = path.join(path.dirname(require.resolve("@playwright/test/package.json")), "cli.js");

function parseTiers(values: string[] | undefined): Tier[] {
  if (!values?.length) return [...TIERS];
  const wanted = values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = wanted.filter((t) => !(TIERS as readonly string[]).includes(t));
  if (unknown.length) throw new Error(`unknown tier ${unknown.join(", ")} (expected ${TIERS.join(", ")})`);
  return TIERS.filter((t) => wanted.includes(t));
}

function heading(text: string): void {
  process.stdout.write(`\n${paint("bold", `━━ ${text} ━━`)}\n`);
}

function run(args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: "inherit", env });
  return result.status ?? 1;
}

function runVitest(tier: "unit" | "integration", reports: string, env: NodeJS.ProcessEnv): Counts {
  const report = path.join(reports, `${tier}.json`);
  const code = run(
    [
      vitestBin,
      "run",
      "--config",
      `vitest.${tier}.config.mts`,
      "--passWithNoTests",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    env,
  );
  return vitestCounts(report, code);
}

function runE2e(reports: string, env: NodeJS.ProcessEnv): { counts: Counts; note?: string } {
  const failed = (note: string) => ({ counts: { passed: 0, failed: 1, skipped: 0, flaky: 0 }, note });
  const chromium = ensureChromium((line) => console.log(line));
  if (!chromium.ok) {
    console.error(chromium.reason);
    return failed("chromium missing");
  }
  const reason = buildNeeded();
  if (reason) {
    console.log(`building the app for e2e (${reason})…`);
    if (!runNextBuild()) return failed("next build failed");
  }
  const report = path.join(reports, "e2e.json");
  const code = run([playwrightBin, "test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report });
  const counts = playwrightCounts(report, code);
  // The reverse-proxy pass (two instances behind nginx) needs PostgreSQL: it runs in the e2e tier
  // whenever that tier runs on PostgreSQL.
  if (!env.E2E_DATABASE_URL) return { counts };
  const proxy = runProxyPass(reports, env);
  return { counts: addCounts(counts, proxy.counts), note: proxy.note };
}

function runProxyPass(reports: string, env: NodeJS.ProcessEnv): { counts: Counts; note?: string } {
  heading("e2e behind nginx (two instances, TLS, gzip)");
  const nginx = findNginx();
  if (!nginx.ok) {
    // In CI nginx is installed by .ci/run, so its absence there is a failure, never a quiet skip.
    if (env.CI) {
      console.error(nginx.reason);
      return { counts: { passed: 0, failed: 1, skipped: 0, flaky: 0 }, note: "nginx missing" };
    }
    console.log(`skipped: ${nginx.reason}`);
    return { counts: { passed: 0, failed: 0, skipped: 1, flaky: 0 }, note: "proxy pass skipped (no nginx)" };
  }
  const report = path.join(reports, "e2e-proxy.json");
  const code = run([playwrightBin, "test", "--config", "playwright.proxy.config.ts", "--reporter=list,json"], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  });
  return { counts: playwrightCounts(report, code) };
}

function line(counts: Counts): string {
  const extra = [counts.skipped ? `${counts.skipped} skipped` : "", counts.flaky ? `${counts.flaky} flaky` : ""].filter(
    Boolean,
  );
  return `${counts.passed} passed, ${counts.failed} failed${extra.length ? `, ${extra.join(", ")}` : ""}`;
}

function main(): number {
  const { values } = parseArgs({
    options: { tier: { type: "string", multiple: true }, "summary-json": { type: "string" } },
    allowPositionals: false,
  });
  const tiers = parseTiers(values.tier);
  const reports = mkdtempSync(path.join(os.tmpdir(), "mkutano-test-reports-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  const results: TierResult[] = [];

  try {
    for (const tier of tiers) {
      heading(`${tier} tests`);
      const started = Date.now();
      const outcome = tier === "e2e" ? runE2e(reports, env) : { counts: runVitest(tier, reports, env) };
      results.push({ tier, seconds: (Date.now() - started) / 1000, ...outcome });
    }
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }

  heading("summary");
  let total: Counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  for (const r of results) {
    total = addCounts(total, r.counts);
    const colour = r.counts.failed ? "red" : "green";
    const note = r.note ? ` — ${r.note}` : "";
    console.log(`${paint(colour, r.tier.padEnd(12))} ${line(r.counts)}  (${r.seconds.toFixed(1)} s)${note}`);
  }
  if (total.skipped) console.log(`${total.skipped} skipped (not counted as passed)`);
  if (values["summary-json"]) writeFileSync(values["summary-json"], JSON.stringify(total));
  // The last line is plain on purpose: CI reads it.
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 ? 1 : 0;
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.log("0 passed, 1 failed");
  process.exit(1);
}
