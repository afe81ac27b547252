import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadJs, scriptTags } from "@/bench/scenarios/page";

const html = `<!DOCTYPE html><html><head>
<link rel="preload" as="script" href="/_next/static/chunks/b.js"/>
<script src="/_next/static/chunks/a.js" async=""></script>
<script src="/_next/static/chunks/poly.js" noModule=""></script>
</head><body><script>self.__next_f=[]</script>
<script>self.__next_f.push([1,"2a:I[74048,[\\"/_next/static/chunks/a.js\\",\\"/_next/static/chunks/err.js\\"],\\"default\\"]\\n3:I[1,[\\"static/chunks/app/page-1.js\\"],\\"x\\"]"])</script>
<script async src="/_next/static/chunks/b.js?dpl=x"></script>
<script src="/_next/static/chunks/a.js" async=""></script></body></html>`;

describe("P5 first-load JS", () => {
  it("lists each script once, marking nomodule ones, with the chunks the RSC payload loads", () => {
    expect(scriptTags(html)).toEqual([
      { src: "/_next/static/chunks/a.js", nomodule: false },
      { src: "/_next/static/chunks/poly.js", nomodule: true },
      { src: "/_next/static/chunks/b.js?dpl=x", nomodule: false },
      // Named only in the RSC payload (Turbopack: an error boundary; webpack: the page's chunks).
      { src: "/_next/static/chunks/err.js", nomodule: false },
      { src: "/_next/static/chunks/app/page-1.js", nomodule: false },
    ]);
  });

  it("sizes the build's files, keeping the polyfills a module browser skips apart", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "p5-"));
    const chunks = path.join(root, ".next/static/chunks");
    fs.mkdirSync(chunks, { recursive: true });
    const files = {
      "a.js": "x".repeat(5000),
      "b.js": "console.log(1);".repeat(100),
      "poly.js": "y".repeat(9000),
      "err.js": "z".repeat(700),
      "app/page-1.js": "p".repeat(300),
    };
    fs.mkdirSync(path.join(chunks, "app"));
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(chunks, name), body);
    try {
      const load = firstLoadJs(html, root);
      expect(load.modern.map((s) => [s.src, s.raw, s.gzip])).toEqual([
        ["/_next/static/chunks/a.js", 5000, gzipSync(files["a.js"], { level: 9 }).length],
        ["/_next/static/chunks/b.js?dpl=x", 1500, gzipSync(files["b.js"], { level: 9 }).length],
        ["/_next/static/chunks/err.js", 700, gzipSync(files["err.js"], { level: 9 }).length],
        ["/_next/static/chunks/app/page-1.js", 300, gzipSync(files["app/page-1.js"], { level: 9 }).length],
      ]);
      expect(load.nomodule.map((s) => [s.src, s.raw])).toEqual([["/_next/static/chunks/poly.js", 9000]]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses a script it cannot size rather than under-counting", () => {
    expect(() => firstLoadJs(`<script src="https://cdn.example/x.js"></script>`, os.tmpdir())).toThrow(
      /outside the build/,
    );
  });
});
