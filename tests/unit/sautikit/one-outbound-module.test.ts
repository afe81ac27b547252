// Every server-side request to a workspace's Sautikit goes through lib/sautikit/fenced-fetch.ts.
// A module that opens its own connection (fetch, node:http/https, net, undici) would bypass the
// fence, so server code outside it may not do any of that. Browser code (lib/hooks, "use client"
// components) only talks to the app itself and is exempt.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const FENCE = "lib/sautikit/fenced-fetch.ts";
const EXEMPT_DIRS = ["lib/generated", "lib/hooks"];
const NETWORK = [
  /(?<![.\w])fetch\s*\(/, // global fetch
  /from\s+["'](node:)?(http|https|http2|tls|dgram)["']/,
  /require\(\s*["'](node:)?(http|https|http2|net|tls)["']\s*\)/,
  /\b(createConnection|net\.connect)\s*\(|new\s+Socket\s*\(/,
  /from\s+["']undici["']/,
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.posix.join(dir, name);
    if (EXEMPT_DIRS.includes(rel)) continue;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

describe("one module makes the server's outbound requests", () => {
  it("no server module in lib/ or app/ but the fence opens a connection", () => {
    const offenders = sources("lib")
      .concat(sources("app"))
      .filter((file) => file !== FENCE)
      .filter((file) => {
        const text = readFileSync(path.join(root, file), "utf8");
        if (/^\s*["']use client["']/.test(text)) return false;
        // `import type` only borrows types; it opens nothing.
        const code = text.replace(/^import type .*$/gm, "").replace(/^\s*(\/\/|\*).*$/gm, "");
        return NETWORK.some((re) => re.test(code));
      });
    expect(offenders).toEqual([]);
  });

  it("the fence is where the connections are made", () => {
    const text = readFileSync(path.join(root, FENCE), "utf8");
    expect(text).toMatch(/from "node:https"/);
    expect(text).toMatch(/lookup: fencedLookup\(policy\)/);
  });
});
