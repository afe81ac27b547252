import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNeeded } from "@/scripts/lib/e2e-prereqs";

function file(root: string, relative: string, secondsAgo: number): void {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "");
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, t, t);
}

/** Directories count too (an added or deleted file changes them): age them all after setup. */
function ageDirectories(root: string, secondsAgo: number): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  for (const entry of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    const full = path.join(root, entry);
    if (statSync(full).isDirectory()) utimesSync(full, t, t);
  }
}

describe("buildNeeded", () => {
  it("asks for a build when there is none", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "build-needed-"));
    expect(buildNeeded(root)).toBe("no production build yet");
  });

  it("accepts a build newer than every input, however deep", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "build-needed-"));
    file(root, "app/(app)/meetings/[id]/page.tsx", 300);
    file(root, "lib/meetings/schedule.ts", 300);
    file(root, "tests/e2e/x.spec.ts", 10); // not a build input
    file(root, ".next/BUILD_ID", 60);
    ageDirectories(root, 300);
    expect(buildNeeded(root)).toBeUndefined();
  });

  it("names the input that changed after the build", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "build-needed-"));
    file(root, ".next/BUILD_ID", 60);
    file(root, "components/ui/button.tsx", 5);
    ageDirectories(root, 300);
    expect(buildNeeded(root)).toBe("components changed since the last build");
    file(root, "components/ui/button.tsx", 300);
    file(root, "next.config.mjs", 5);
    ageDirectories(root, 300);
    expect(buildNeeded(root)).toBe("next.config.mjs changed since the last build");
  });

  it("notices a deleted source file through its folder", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "build-needed-"));
    file(root, "lib/old.ts", 300);
    file(root, ".next/BUILD_ID", 60);
    ageDirectories(root, 300);
    expect(buildNeeded(root)).toBeUndefined();
    rmSync(path.join(root, "lib/old.ts"));
    expect(buildNeeded(root)).toBe("lib changed since the last build");
  });
});
