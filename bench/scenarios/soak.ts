// P7, steady memory: for a while (10 min; 1 min in the short mode) the app carries a steady mixed
// load — signed conference events into 20 live meetings, 50 open roster streams (re-opened when the
// server ends one, as a browser's EventSource would), and a Call everyone every minute whose phones
// answer, join and hang up again — while the app's own process samples its RSS and event-loop delay
// every 10 s (bench/support/loop-probe.mjs, loaded through NODE_OPTIONS).
import fs from "node:fs";
import { Client } from "@/tests/integration/reliability/support/http-client";
import { emulatorClient } from "@/tests/support/emulator-control";
import type { Seeded } from "../support/app-data";
import { conferenceEvent, InvalidRun, type Row } from "./ingest";

export type ProbeSample = {
  at: number;
  pid: number;
  rssBytes: number;
  heapUsedBytes: number;
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
};

export type SoakOptions = {
  seconds: number;
  /** The emulator the app dials through: the soak checks its stayer is in the room there. */
  emulatorUrl: string;
  /** The app's probe file (BENCH_PROBE_FILE in its environment). */
  probeFile: string;
  /** The app's pid: only its samples count. */
  appPid: number;
  eventsPerSecond?: number;
  watchers?: number;
  callEveryoneEveryMs?: number;
  /** The app's recent output, printed when a Call everyone fails. */
  appOutput?: () => string;
};

/** Environment that makes the app's process write probe samples (see loop-probe.mjs). */
export function probeEnv(probeFile: string): Record<string, string> {
  const probe = new URL("../support/loop-probe.mjs", import.meta.url).pathname;
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${probe}`.trim(),
    BENCH_PROBE_FILE: probeFile,
    BENCH_PROBE_INTERVAL_MS: "10000",
  };
}

function readSamples(file: string, pid: number, from: number, to: number): ProbeSample[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeSample)
    .filter((s) => s.pid === pid && s.at > from && s.at <= to);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

/** Keeps one roster stream open until `stop`, re-opening it whenever the server ends it. */
async function watch(
  client: Client,
  path: string,
  stopped: () => boolean,
  counts: { snapshots: number; reopened: number; refused: number },
) {
  while (!stopped()) {
    const res = await client.fetch(path).catch(() => null);
    if (!res || res.status !== 200 || !res.body) {
      counts.refused += 1;
      await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const stopper = setInterval(() => stopped() && void reader.cancel().catch(() => {}), 250);
    try {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        counts.snapshots += ((value ?? "").match(/event: roster/g) ?? []).length;
      }
    } finally {
      clearInterval(stopper);
    }
    if (!stopped()) counts.reopened += 1;
  }
}

export async function soak(appUrl: string, seeded: Seeded, options: SoakOptions): Promise<Row[]> {
  const soakMeeting = seeded.soak;
  if (!soakMeeting) throw new Error("P7 needs the soak meeting (seed with soak)");
  const { seconds, probeFile, appPid } = options;
  const eventsPerSecond = options.eventsPerSecond ?? 20;
  const watchers = options.watchers ?? 50;
  const callEvery = options.callEveryoneEveryMs ?? 60_000;
  const browser = new Client(appUrl);
  await browser.signIn(seeded.email, seeded.password);

  // Call everyone at once, then every minute: the dropouts have hung up by then and are dialled again.
  const calls = { sent: 0, failed: 0, lastError: "" };
  const callEveryone = async () => {
    calls.sent += 1;
    // A request that fails outright (the app not answering) counts as a refused round: it runs from
    // a timer, where a rejection would kill the whole bench instead of being reported.
    const failure = await browser.json(`/api/meetings/${soakMeeting.meetingId}/call-everyone`, "POST", {}).then(
      async (res) => (res.status >= 300 ? `${res.status} ${(await res.text()).slice(0, 120)}` : null),
      (e: unknown) => `no answer (${(e as Error).message})`,
    );
    if (failure) {
      calls.failed += 1;
      calls.lastError = failure;
      console.error(`P7: Call everyone answered ${failure}\n${options.appOutput?.().slice(-3000) ?? ""}`);
    }
  };
  // The soak's premise: the stayer is in the room for the whole run, so the meeting stays live and
  // every round has a meeting to call into (the room ending when it empties is the product's rule).
  const emulator = emulatorClient(options.emulatorUrl, { timeoutMs: 60_000 });
  const stayerInRoom = (s: Awaited<ReturnType<typeof emulator.state>>) =>
    s.phones.some((p) => p.e164 === soakMeeting.stayer && p.state === "in_call" && p.room === soakMeeting.room);
  await callEveryone();
  await emulator.waitFor(`the stayer ${soakMeeting.stayer} in the soak room`, stayerInRoom).catch((e: Error) => {
    throw new Error(`P7 cannot start: ${e.message}`.slice(0, 2000));
  });

  const start = Date.now();
  const end = start + seconds * 1000;
  const stopped = () => Date.now() >= end;

  // Watchers spread over the live meetings (the app allows a few streams per user per meeting).
  const counts = { snapshots: 0, reopened: 0, refused: 0 };
  const streams = Array.from({ length: watchers }, (_, i) =>
    watch(browser, `/api/meetings/${seeded.live[i % seeded.live.length]!.meetingId}/stream`, stopped, counts),
  );

  // Steady signed events, one at a time per tick, spread over every live meeting.
  const prefix = `soak-${Date.now()}-`;
  const ingest = { sent: 0, ok: 0, failed: 0 };
  const inFlight = new Set<Promise<unknown>>();
  const path = `/api/sautikit/${seeded.workspaceId}/conference/events`;
  const tick = setInterval(() => {
    if (stopped()) return;
    const { body, headers } = conferenceEvent(seeded, prefix, ingest.sent++, seeded.live, 500_000_000);
    const request = fetch(`${appUrl}${path}`, { method: "POST", headers, body })
      .then(
        (r) => (r.status < 300 ? ingest.ok++ : ingest.failed++),
        () => ingest.failed++,
      )
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, 1000 / eventsPerSecond);

  const dialler = setInterval(() => void (!stopped() && callEveryone()), callEvery);

  await new Promise((r) => setTimeout(r, end - Date.now()));
  clearInterval(tick);
  clearInterval(dialler);
  await Promise.all([...streams, ...inFlight]);
  const stayerStayed = stayerInRoom(await emulator.state());
  // The last probe line lands up to one interval after the load stops.
  await new Promise((r) => setTimeout(r, 1_000));

  const samples = readSamples(probeFile, appPid, start, end + 1_000);
  if (samples.length < 4) throw new Error(`P7: only ${samples.length} probe samples from the app (need ≥ 4)`);
  // Warm-up: the first fifth of the run (at least one sample) is left out of the growth figure.
  const warm = samples.slice(Math.max(1, Math.floor(samples.length / 5)));
  const third = Math.max(1, Math.floor(warm.length / 3));
  const early = median(warm.slice(0, third).map((s) => s.rssBytes));
  const late = median(warm.slice(-third).map((s) => s.rssBytes));
  const growth = late / early - 1;
  const delayP99 = Math.max(...samples.map((s) => s.delayP99Ms));
  const mib = (b: number) => (b / 2 ** 20).toFixed(0);
  const rows: Row[] = [
    {
      id: "P7",
      metric: `soak ${seconds} s: ${ingest.ok}/${ingest.sent} events, ${watchers} streams (${counts.snapshots} snapshots, ${counts.reopened} re-opened, ${counts.refused} refused), ${calls.sent - calls.failed}/${calls.sent} Call everyone`,
      value: `${samples.length} samples`,
      target: "",
      pass: ingest.failed === 0 && calls.failed === 0,
    },
    {
      id: "P7",
      metric: "app RSS after warm-up: early → late (median of each third)",
      value: `${mib(early)} → ${mib(late)} MiB (${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)} %)`,
      target: "≤ +10 %",
      pass: growth <= 0.1,
    },
    {
      id: "P7",
      metric: "event-loop delay p99 (worst 10 s window) / max",
      value: `${delayP99.toFixed(0)} / ${Math.max(...samples.map((s) => s.delayMaxMs)).toFixed(0)} ms`,
      target: "p99 ≤ 50 ms",
      pass: delayP99 <= 50,
    },
  ];
  // A soak whose meeting ended, or whose rounds were refused, measured a different load: say so
  // loudly (the run exits 1), with the figures it did take.
  const broken = [
    calls.failed ? `${calls.failed}/${calls.sent} Call everyone failed (last: ${calls.lastError})` : "",
    stayerStayed ? "" : `the stayer ${soakMeeting.stayer} was no longer in the room at the end`,
  ].filter(Boolean);
  if (broken.length) throw new InvalidRun(`P7 soak not as specified: ${broken.join("; ")}`, rows);
  return rows;
}
