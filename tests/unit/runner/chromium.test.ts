import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureChromium } from "@/scripts/lib/e2e-prereqs";

const dir = mkdtempSync(path.join(os.tmpdir(), "chromium-"));
const missing = path.join(dir, "chromium");
const quiet = () => {};

describe("ensureChromium", () => {
  it("does nothing when chromium is there", () => {
    const present = path.join(dir, "present");
    writeFileSync(present, "");
    const install = () => {
      throw new Error("must not install");
    };
    expect(ensureChromium(quiet, { chromium: present, isRoot: true, hasAptGet: true, install })).toEqual({ ok: true });
  });

  it("stops with the exact install command when it cannot install (not root)", () => {
    const calls: string[] = [];
    const result = ensureChromium(quiet, {
      chromium: missing,
      isRoot: false,
      hasAptGet: true,
      install: (c) => (calls.push(c), 0),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(
      "sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium'",
    );
    expect(calls).toEqual([]);
  });

  it("installs with apt-get as root, and fails clearly if chromium is still missing", () => {
    const calls: string[] = [];
    const installed = path.join(dir, "installed");
    const ok = ensureChromium(quiet, {
      chromium: installed,
      isRoot: true,
      hasAptGet: true,
      install: (c) => (calls.push(c), writeFileSync(installed, ""), 0),
    });
    expect(ok).toEqual({ ok: true });
    expect(calls).toEqual([
      "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium",
    ]);

    const failed = ensureChromium(quiet, { chromium: missing, isRoot: true, hasAptGet: true, install: () => 100 });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.reason).toMatch(/installing chromium failed \(exit 100\)/);
  });
});
