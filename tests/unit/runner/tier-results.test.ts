import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightCounts, vitestCounts } from "@/scripts/lib/tier-results";

const dir = mkdtempSync(path.join(os.tmpdir(), "tier-results-"));
function report(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

/** A vitest JSON report with these totals (and, where given, its per-file results). */
const vitestReport = (
  name: string,
  [passed, failed, pending, todo]: [number, number, number, number],
  testResults?: unknown[],
) =>
  report(name, {
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: pending,
    numTodoTests: todo,
    testResults,
  });

describe("vitest report counting", () => {
  it("counts passed, failed, and skipped (pending + todo) separately", () => {
    const file = vitestReport("v1.json", [7, 2, 1, 1], []);
    expect(vitestCounts(file, 1)).toEqual({ passed: 7, failed: 2, skipped: 2, flaky: 0 });
  });

  it("counts a test file that failed to load as a failure", () => {
    const file = vitestReport(
      "v2.json",
      [3, 0, 0, 0],
      [
        { status: "passed", assertionResults: [{ status: "passed" }] },
        { status: "failed", assertionResults: [] },
      ],
    );
    expect(vitestCounts(file, 1).failed).toBe(1);
  });

  it("counts a non-zero exit without any report or failed test as one failure", () => {
    expect(vitestCounts(path.join(dir, "missing.json"), 1)).toEqual({ passed: 0, failed: 1, skipped: 0, flaky: 0 });
    const clean = vitestReport("v3.json", [4, 0, 0, 0]);
    expect(vitestCounts(clean, 0).failed).toBe(0);
    expect(vitestCounts(clean, 1).failed).toBe(1);
  });
});

describe("playwright report counting", () => {
  it("counts flaky tests as passed but reports them", () => {
    const file = report("p1.json", { stats: { expected: 5, unexpected: 1, flaky: 2, skipped: 3 } });
    expect(playwrightCounts(file, 1)).toEqual({ passed: 7, failed: 1, skipped: 3, flaky: 2 });
  });

  it("counts a crashed web server (no report) as a failure", () => {
    const file = report("p2.json", "not json at all");
    writeFileSync(file, "{ truncated");
    expect(playwrightCounts(file, 1).failed).toBe(1);
  });
});
