// P5: the meeting page's first-load JavaScript (gzip) — every script the served HTML loads, read
// from the build's own files in .next/static — and its time to first byte.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Client } from "@/tests/integration/reliability/support/http-client";
import type { Seeded } from "../support/app-data";
import { APP_ROOT, percentile } from "../support/stack";
import type { Row } from "./ingest";

function ttfb(url: string, cookie: string): Promise<{ ms: number; status: number; html: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers: { cookie } }, (res) => {
      const ms = performance.now() - t0;
      let html = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (html += d));
      resolve({ ms, status: res.statusCode ?? 0, html: new Promise((r) => res.on("end", () => r(html))) });
    });
    req.on("error", reject);
  });
}

export async function meetingPage(appUrl: string, seeded: Seeded, samples: number): Promise<Row[]> {
  const browser = new Client(appUrl);
  await browser.signIn(seeded.email, seeded.password);
  const header = browser.cookieHeader();
  const url = `${appUrl}/meetings/${seeded.live[0]!.meetingId}`;
  const first = await ttfb(url, header);
  if (first.status !== 200) throw new Error(`P5: the meeting page answered ${first.status}`);
  const html = await first.html;
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gz = 0;
  for (const src of scripts) {
    const file = path.join(APP_ROOT, ".next", decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0]!));
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const r = await ttfb(url, header);
    await r.html;
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  const kb = gz / 1024;
  return [
    { id: "P5", metric: `meeting page first-load JS, gzip (${scripts.length} files, ${(raw / 1024).toFixed(0)} KB raw)`, value: `${kb.toFixed(1)} KB`, target: "≤ 150 KB", pass: kb <= 150 },
    { id: "P5", metric: `meeting page TTFB p50 / p95 (${samples} loads)`, value: `${percentile(times, 50).toFixed(0)} / ${percentile(times, 95).toFixed(0)} ms`, target: "", pass: null },
  ];
}
