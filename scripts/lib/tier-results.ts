// Reads the machine-readable reports of vitest (--reporter=json) and Playwright (json reporter)
// into one shape. A runner that failed without reporting a failed test still counts as a failure.
import { existsSync, readFileSync } from "node:fs";

export type Counts = { passed: number; failed: number; skipped: number; flaky: number };

const zero: Counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { status: string; assertionResults?: { status: string }[] }[];
};

type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Failures a runner signalled only through its exit code (a file that did not load, a crash). */
function withExitCode(counts: Counts, exitCode: number): Counts {
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

export function vitestCounts(file: string, exitCode: number): Counts {
  const report = readJson<VitestReport>(file);
  if (!report) return withExitCode(zero, exitCode);
  // A test file that fails to load has no failed assertions but is a failure all the same.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  return withExitCode(
    {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
      skipped: report.numPendingTests + report.numTodoTests,
      flaky: 0,
    },
    exitCode,
  );
}

export function playwrightCounts(file: string, exitCode: number): Counts {
  const report = readJson<PlaywrightReport>(file);
  if (!report) return withExitCode(zero, exitCode);
  const { expected, unexpected, flaky, skipped } = report.stats;
  // Flaky = failed first, passed on retry: it passed, but is listed so nobody mistakes it for clean.
  return withExitCode({ passed: expected + flaky, failed: unexpected, skipped, flaky }, exitCode);
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    skipped: a.skipped + b.skipped,
    flaky: a.flaky + b.flaky,
  };
}
