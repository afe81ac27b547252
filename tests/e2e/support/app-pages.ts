import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** app/**\/page.tsx → URL patterns; (groups) and @slots are not part of the URL. */
export function discoverPages(): string[] {
  const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../app");
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|\/)page\.(tsx|ts|jsx|js|mdx)$/.test(f))
    .map((f) =>
      path
        .dirname(f)
        .split(path.sep)
        .filter((d) => d !== "." && !/^\(.*\)$/.test(d) && !d.startsWith("@")),
    )
    .map((dirs) => `/${dirs.join("/")}`);
}
