import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

// What the browser would download, read from the import graph (esbuild resolves it the way the
// bundler does, with the tsconfig `@/` paths). Guards the meeting page's JS budget (bench P5,
// ≤ 150 KB gzip, of which ~129 KB is React and Next themselves).

/** The client islands the meeting page and the signed-in shell render. */
const MEETING_PAGE_ISLANDS = [
  "components/meetings/cancel-meeting-button.tsx",
  "components/meetings/viewer-time.tsx",
  "components/ui/copy-button.tsx",
  "components/roster/live-meeting.tsx",
  "components/spend/late-meeting-spend-panel.tsx",
  // Late islands: fetched right after the first-load scripts, still part of every page view.
  "components/spend/meeting-spend-panel.tsx",
  "components/meetings/add-participants.tsx",
  "components/layout/nav-links.tsx",
  "components/layout/disclosure.tsx",
  "components/ui/status-message.tsx",
];

// A "use server" module reaches the browser as a reference, not as code: stand in its exports.
// Code behind a dynamic import() is a separate chunk fetched only when used (the big-room
// virtualiser) or after the first-load scripts (the late islands), so it is not first-load JS.
const serverActionsAsReferences: Plugin = {
  name: "server-actions",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined,
    );
    b.onLoad({ filter: /\.(ts|tsx)$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const source = fs.readFileSync(args.path, "utf8");
      if (!/^\s*["']use server["']/.test(source)) return undefined;
      const names = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)].map((m) => m[1]);
      return { contents: names.map((n) => `export const ${n} = () => {};`).join("\n"), loader: "ts" };
    });
  },
};

/** The files (sources and packages) a browser bundle of `entry` holds. */
async function filesReachedFrom(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    logLevel: "silent",
    external: ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*"],
    plugins: [serverActionsAsReferences],
  });
  return Object.keys(result.metafile.inputs);
}

async function packagesReachedFrom(entry: string): Promise<string[]> {
  const packages = (await filesReachedFrom(entry))
    .filter((file) => file.includes("node_modules/"))
    .map((file) => {
      const parts = file.split("node_modules/").at(-1)!.split("/");
      return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    });
  return [...new Set(packages)].sort();
}

/**
 * npm packages the meeting page may ship besides React and Next. Each package here is paid for on
 * first load (SWR was, until its ~4.4 KB went to lib/hooks/use-live-data.ts: ADR 0009); phone
 * formatting, validation and dates are done on the server or with the platform (Intl) instead.
 * icu-minify (~0.8 KB) formats the precompiled catalog messages a client island is given
 * (lib/i18n/client.tsx; ADR "web-i18n").
 */
const ALLOWED_PACKAGES = new Set(["icu-minify"]);

const SERVER_ONLY_PACKAGES = [
  "libphonenumber-js",
  "next-intl",
  "use-intl",
  "intl-messageformat",
  "@formatjs/icu-messageformat-parser",
];

describe("client bundles", () => {
  it.each(MEETING_PAGE_ISLANDS)("%s ships no npm package besides React, Next and icu-minify", async (entry) => {
    expect((await packagesReachedFrom(entry)).filter((p) => !ALLOWED_PACKAGES.has(p))).toEqual([]);
  });

  it("the live roster and the spend panel share one live-data store", async () => {
    // One cache entry per URL, so the cost panel meters the roster the stream pushes (ADR 0009).
    for (const entry of ["components/roster/live-meeting.tsx", "components/spend/meeting-spend-panel.tsx"]) {
      expect(await filesReachedFrom(entry)).toContain("lib/hooks/use-live-data.ts");
    }
  });

  it("the cost panel and the add-people forms are late islands, not first-load code", async () => {
    expect(await filesReachedFrom("components/roster/live-meeting.tsx")).not.toContain(
      "components/meetings/add-participants.tsx",
    );
    expect(await filesReachedFrom("components/spend/late-meeting-spend-panel.tsx")).not.toContain(
      "components/spend/meeting-spend-panel.tsx",
    );
  });

  it("the big-room virtualiser is fetched on demand, not with the page", async () => {
    // It brings the virtualiser; the roster table (checked above through live-meeting) does not.
    const own = (await packagesReachedFrom("components/roster/virtual-roster-rows.tsx")).filter(
      (p) => !ALLOWED_PACKAGES.has(p),
    );
    expect(own).toEqual(["@tanstack/react-virtual", "@tanstack/virtual-core"]);
  });

  it("no client component pulls in phone-number metadata or an ICU parser (the server does both)", async () => {
    const files = execFileSync(
      "grep",
      ["-rlE", "--include=*.ts", "--include=*.tsx", `^["']use client["']`, "components", "app", "lib"],
      { encoding: "utf8" },
    )
      .trim()
      .split("\n");
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      // next-intl's client runtime (~4 KB precompiled, ~13 KB with its parser) stays off the
      // browser: islands get compiled messages through lib/i18n/client.tsx instead.
      const heavy = (await packagesReachedFrom(file)).filter((p) => SERVER_ONLY_PACKAGES.includes(p));
      if (heavy.length) offenders.push(`${file}: ${heavy.join(", ")}`);
    }
    expect(offenders).toEqual([]);
  }, 60_000);
});
