// P5: the meeting page's first-load JavaScript (gzip) — every script the served HTML loads (its
// script tags and the client chunks its inline RSC payload names), read
// from the build's own files in .next/static — and its time to first byte. `nomodule` scripts
// (Next's polyfills for browsers without ES modules) are never fetched by a browser that runs
// modules — every browser the app supports — so, like Next's own "First Load JS", the P5 figure
// leaves them out; their size is still printed beside it.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Client } from "@/tests/integration/reliability/support/http-client";
import type { Seeded } from "../support/app-data";
import { APP_ROOT, percentile } from "../support/stack";
import type { Row } from "./ingest";

export const P5_BUDGET_KB = 150;

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

export type ScriptTag = { src: string; nomodule: boolean };

const withoutQuery = (src: string) => src.split("?")[0]!;

/**
 * The scripts an HTML page loads, once each: its `<script src>` tags in document order, then the
 * chunks its inline RSC payload names for client components (`self.__next_f.push(…)`) that no tag
 * loads. React's Flight client fetches each of those while hydrating — an error boundary's chunk,
 * or with webpack every page chunk — so they are part of the first load too.
 */
export function scriptTags(html: string): ScriptTag[] {
  const seen = new Map<string, ScriptTag>();
  for (const [, attrs] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(attrs!)?.[1];
    if (!src || seen.has(withoutQuery(src))) continue;
    seen.set(withoutQuery(src), { src, nomodule: /\bnomodule\b/i.test(attrs!) });
  }
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (!body!.includes("self.__next_f")) continue;
    for (const [chunk] of body!.matchAll(/(?:\/_next\/)?static\/chunks\/[^"\\]+?\.js/g)) {
      const src = chunk.startsWith("/") ? chunk : `/_next/${chunk}`;
      if (!seen.has(src)) seen.set(src, { src, nomodule: false });
    }
  }
  return [...seen.values()];
}

export type ScriptSize = ScriptTag & { raw: number; gzip: number };
export type FirstLoad = { modern: ScriptSize[]; nomodule: ScriptSize[] };

/** Sizes of a page's scripts from the build output (gzip -9, as a CDN would serve them). */
export function firstLoadJs(html: string, appRoot = APP_ROOT): FirstLoad {
  const sizes = scriptTags(html).map((tag): ScriptSize => {
    if (!tag.src.startsWith("/_next/"))
      throw new Error(`P5: a script outside the build (${tag.src}); its size cannot be read`);
    const file = path.join(appRoot, ".next", decodeURIComponent(tag.src.replace(/^\/_next\//, "").split("?")[0]!));
    const bytes = fs.readFileSync(file);
    return { ...tag, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { modern: sizes.filter((s) => !s.nomodule), nomodule: sizes.filter((s) => s.nomodule) };
}

const kb = (bytes: number) => bytes / 1024;
const sum = (xs: ScriptSize[], key: "raw" | "gzip") => xs.reduce((s, x) => s + x[key], 0);

function describe(page: string, load: FirstLoad): string {
  const poly = load.nomodule.length
    ? `; + ${kb(sum(load.nomodule, "gzip")).toFixed(1)} KB in ${load.nomodule.length} \`nomodule\` polyfill file(s) that module browsers skip`
    : "";
  return `${page} first-load JS, gzip (${load.modern.length} files, ${kb(sum(load.modern, "raw")).toFixed(0)} KB raw${poly})`;
}

async function fetchPage(url: string, cookie: string): Promise<string> {
  const res = await ttfb(url, cookie);
  const html = await res.html;
  if (res.status !== 200) throw new Error(`P5: ${url} answered ${res.status}`);
  return html;
}

export async function meetingPage(appUrl: string, seeded: Seeded, samples: number): Promise<Row[]> {
  const browser = new Client(appUrl);
  await browser.signIn(seeded.email, seeded.password);
  const header = browser.cookieHeader();
  const url = `${appUrl}/meetings/${seeded.live[0]!.meetingId}`;
  const meeting = firstLoadJs(await fetchPage(url, header));
  const list = firstLoadJs(await fetchPage(`${appUrl}/meetings`, header));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const r = await ttfb(url, header);
    await r.html;
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  const meetingKb = kb(sum(meeting.modern, "gzip"));
  if (process.env.BENCH_P5_FILES === "1")
    for (const s of meeting.modern) console.error(`P5 ${(s.gzip / 1024).toFixed(1).padStart(6)} KB gzip  ${s.src}`);
  return [
    {
      id: "P5",
      metric: describe("meeting page", meeting),
      value: `${meetingKb.toFixed(1)} KB`,
      target: `≤ ${P5_BUDGET_KB} KB`,
      pass: meetingKb <= P5_BUDGET_KB,
    },
    {
      id: "P5",
      metric: `meeting page TTFB p50 / p95 (${samples} loads)`,
      value: `${percentile(times, 50).toFixed(0)} / ${percentile(times, 95).toFixed(0)} ms`,
      target: "",
      pass: null,
    },
    {
      id: "P5",
      metric: describe("meetings list", list),
      value: `${kb(sum(list.modern, "gzip")).toFixed(1)} KB`,
      target: "",
      pass: null,
    },
  ];
}
