// P3 (event POST → roster pushed to 50 SSE clients) and P4 (Call everyone for 100 against the
// emulator's 10/s limit with 10 % injected 5xx).
import { Client } from "@/tests/integration/reliability/support/http-client";
import type { Seeded } from "../support/app-data";
import { percentile } from "../support/stack";
import { conferenceEvent, type Row } from "./ingest";

type Stream = { arrivals: number[]; close(): Promise<void> };

async function openStream(client: Client, path: string): Promise<Stream> {
  const res = await client.fetch(path);
  if (res.status !== 200 || !res.body) throw new Error(`stream ${path}: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const arrivals: number[] = [];
  let buffer = "";
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += value;
      let i: number;
      while ((i = buffer.indexOf("\n\n")) >= 0) {
        if (buffer.slice(0, i).includes("event: roster")) arrivals.push(performance.now());
        buffer = buffer.slice(i + 2);
      }
    }
  })();
  return { arrivals, close: async () => void (await reader.cancel().catch(() => {}), await pump) };
}

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export async function rosterFanOut(appUrl: string, seeded: Seeded, rounds: number, clients = 50): Promise<Row[]> {
  const meeting = seeded.live.at(-1)!;
  // Each watcher may hold a few streams of one meeting (ROSTER_STREAM.MAX_STREAMS_PER_USER).
  const browsers = await Promise.all(
    [seeded.email, ...seeded.watcherEmails].map(async (email) => {
      const browser = new Client(appUrl);
      await browser.signIn(email, seeded.password);
      return browser;
    }),
  );
  const path = `/api/meetings/${meeting.meetingId}/stream`;
  const streams = await Promise.all(
    Array.from({ length: clients }, (_, i) => openStream(browsers[i % browsers.length]!, path)),
  );
  await until("every client's first snapshot", () => streams.every((s) => s.arrivals.length >= 1), 30_000);
  const latencies: number[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const seen = streams.map((s) => s.arrivals.length);
      // This meeting was kept out of P2, so each round changes one leg's mute (a real roster change).
      const { body, headers } = conferenceEvent(seeded, `p3-${Date.now()}-`, r, [meeting], 100_000_000);
      const t0 = performance.now();
      const res = await fetch(`${appUrl}/api/sautikit/${seeded.workspaceId}/conference/events`, {
        method: "POST",
        headers,
        body,
      });
      if (res.status >= 300) throw new Error(`P3 event: ${res.status} ${await res.text()}`);
      await until(`round ${r}`, () => streams.every((s, i) => s.arrivals.length > seen[i]!), 10_000);
      for (const [i, s] of streams.entries()) latencies.push(s.arrivals[seen[i]!]! - t0);
      // Let the stream's poll tick pass unaligned with the next round.
      await new Promise((r2) => setTimeout(r2, 50 + Math.random() * 100));
    }
  } finally {
    await Promise.all(streams.map((s) => s.close()));
  }
  latencies.sort((a, b) => a - b);
  const p95 = percentile(latencies, 95);
  return [
    {
      id: "P3",
      metric: `event → roster at ${clients} SSE clients, p50 / p95 (${rounds} rounds)`,
      value: `${percentile(latencies, 50).toFixed(0)} / ${p95.toFixed(0)} ms`,
      target: "p95 ≤ 250 ms",
      pass: p95 <= 250,
    },
  ];
}

export async function callEveryone(
  appUrl: string,
  emulatorUrl: string,
  seeded: Seeded,
  phonePrefix: string,
): Promise<Row[]> {
  const meeting = seeded.idle[0]!;
  const browser = new Client(appUrl);
  await browser.signIn(seeded.email, seeded.password);
  await fetch(`${emulatorUrl}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ api_5xx_rate: 10 }),
  });
  const placed = async () => {
    const state = (await (await fetch(`${emulatorUrl}/_emulator/state`)).json()) as {
      calls: { remote_e164: string }[];
    };
    const ours = state.calls.filter((c) => c.remote_e164.startsWith(phonePrefix));
    return { total: ours.length, distinct: new Set(ours.map((c) => c.remote_e164)).size };
  };
  const t0 = performance.now();
  const res = await browser.json(`/api/meetings/${meeting.meetingId}/call-everyone`, "POST", {});
  if (res.status >= 300) throw new Error(`P4 call everyone: ${res.status} ${await res.text()}`);
  let last = { total: 0, distinct: 0 };
  await until("100 calls placed", async () => (last = await placed()).distinct >= 100, 120_000);
  const seconds = (performance.now() - t0) / 1000;
  // A little longer: a late duplicate would show up now.
  await new Promise((r) => setTimeout(r, 2_000));
  last = await placed();
  await fetch(`${emulatorUrl}/_emulator/faults`, { method: "DELETE" });
  const duplicates = last.total - last.distinct;
  return [
    {
      id: "P4",
      metric: "Call everyone (100, 10/s limit, 10 % 5xx): all placed",
      value: `${seconds.toFixed(1)} s`,
      target: "≤ 11 s",
      pass: seconds <= 11,
    },
    { id: "P4", metric: "duplicate calls", value: String(duplicates), target: "0", pass: duplicates === 0 },
  ];
}
