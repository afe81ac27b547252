// P1 (voice callback vs a bare node:http floor and a node:http + HMAC + indexed-read baseline) and P2 (signed conference-event ingest).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { spawn } from "node:child_process";
import autocannon, { type Options, type Result as CannonResult } from "autocannon";
import type { Seeded } from "../support/app-data";
import { startNextFloor } from "../support/next-floor";
import { ROOT, sign } from "../support/stack";

export type Row = { id: string; metric: string; value: string; target: string; pass: boolean | null };

/**
 * A scenario that ran but not under the conditions it is meant to measure (its requests refused, its
 * set-up undone mid-way): the figures it took are printed, and the run counts it as not run (exit 1).
 */
export class InvalidRun extends Error {
  constructor(
    message: string,
    readonly rows: Row[],
  ) {
    super(message);
  }
}

/** The join callback P1 sends: one answered leg's second callback (the key press that joins). */
function joinRequest(seeded: Seeded) {
  const leg = seeded.live[0]!.legs[0]!;
  const body = new URLSearchParams({
    CallId: leg.callId,
    CallSid: leg.callId,
    From: "+254709000200",
    To: leg.phone,
    Direction: "outbound",
    CallStatus: "answered",
    sessionId: "HD_bench",
    call_id: leg.callId,
    callerNumber: "+254709000200",
    destinationNumber: leg.phone,
    callSessionState: "answered",
    // A dial-out now makes two callbacks: the answer (asked to press 1) and the join, which carries
    // the key. P1 measures the join: the one that puts the person in the room.
    Digits: "1",
    clientRequestId: leg.key,
  }).toString();
  // One signature for the whole run: voice callbacks are answered every time, never deduplicated.
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    "x-sautikit-signature": sign(body, seeded.secret),
  };
  return { path: `/api/sautikit/${seeded.workspaceId}/voice/outbound`, headers, body };
}

export type Baseline = { label: string; p50: number; p99: number; rps: number };

/**
 * The stronger baseline (bench/support/baseline-server.ts in its own process): bare node:http +
 * the same HMAC check + one indexed read of the leg, through `pg` or PGlite on the seeded database.
 * Run before the app starts: an embedded database belongs to one process at a time.
 */
export async function databaseBaseline(databaseUrl: string, seeded: Seeded, seconds: number): Promise<Baseline> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/support/baseline-server.ts", databaseUrl, seeded.secret],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once("exit", (code) => reject(new Error(`the baseline server exited (${code}) before listening`)));
    });
    const { path, headers, body } = joinRequest(seeded);
    const url = `http://127.0.0.1:${port}${path}`;
    const probe = await fetch(url, { method: "POST", headers, body });
    if (probe.status !== 200) throw new Error(`the baseline server answered ${probe.status}, not 200`);
    const run = await autocannon({ url, connections: 50, duration: seconds, method: "POST", headers, body });
    if (run.non2xx + run.errors) throw new Error(`the baseline server failed ${run.non2xx + run.errors} requests`);
    const kind = databaseUrl.startsWith("pglite:") ? "PGlite" : "pg";
    return {
      label: `node:http + HMAC + ${kind} read`,
      p50: run.latency.p50,
      p99: run.latency.p99,
      rps: run.requests.average,
    };
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  }
}

export async function voiceCallback(
  appUrl: string,
  seeded: Seeded,
  seconds: number,
  dbBaseline?: Baseline,
  /** The bare Next route handler floor: built and run in the full mode only (CI's short run has a time budget). */
  withNextFloor = true,
): Promise<Row[]> {
  const { path, headers, body } = joinRequest(seeded);
  const probe = await fetch(`${appUrl}${path}`, { method: "POST", headers, body });
  const answer = await probe.text();
  if (probe.status !== 200 || !answer.includes("conference"))
    throw new Error(`P1: the join callback did not answer a conference (${probe.status}): ${answer.slice(0, 300)}`);
  const contentType = probe.headers.get("content-type") ?? "application/json";

  // The floor: the same bytes from a bare node:http server, same machine, same client.
  const bare = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": contentType }).end(answer));
  });
  await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  const opts = { connections: 50, duration: seconds, method: "POST", headers, body };
  const base = await autocannon({ url: `${bareUrl}${path}`, ...opts });
  bare.close();
  // Next's own per-request cost: a route handler that only reads the body and answers the same
  // bytes, under the same production server (bench/next-floor; the app's webhooks skip Next).
  let next: CannonResult | undefined;
  if (withNextFloor) {
    const floor = await startNextFloor(answer, contentType);
    try {
      next = await autocannon({ url: `${floor.url}${path}`, ...opts });
    } finally {
      await floor.stop();
    }
    if (next.non2xx + next.errors) throw new Error(`the Next floor failed ${next.non2xx + next.errors} requests`);
  }
  const app = await autocannon({ url: `${appUrl}${path}`, ...opts });
  const ratio = app.requests.average / base.requests.average;
  const failed = app.non2xx + app.errors + app.timeouts;
  const rows: Row[] = [
    {
      id: "P1",
      metric: "join callback p50 / p99 (50 conc.)",
      value: `${app.latency.p50} / ${app.latency.p99} ms`,
      target: "p99 ≤ 25 ms",
      pass: app.latency.p99 <= 25,
    },
    {
      id: "P1",
      metric: "join callback req/s (non-2xx, errors)",
      value: `${app.requests.average.toFixed(0)} (${failed})`,
      target: "",
      pass: failed === 0,
    },
    {
      id: "P1",
      metric: "bare node:http p50 / p99, req/s",
      value: `${base.latency.p50} / ${base.latency.p99} ms, ${base.requests.average.toFixed(0)}`,
      target: "floor",
      pass: null,
    },
    {
      id: "P1",
      metric: "throughput vs bare node:http",
      value: `${(ratio * 100).toFixed(1)} %`,
      target: "",
      pass: null,
    },
  ];
  if (next)
    rows.push(
      {
        id: "P1",
        metric: "bare Next route handler (same server) p50 / p99, req/s",
        value: `${next.latency.p50} / ${next.latency.p99} ms, ${next.requests.average.toFixed(0)}`,
        target: "floor",
        pass: null,
      },
      {
        id: "P1",
        metric: "throughput vs bare Next route handler",
        value: `${((app.requests.average / next.requests.average) * 100).toFixed(1)} %`,
        target: "",
        pass: null,
      },
    );
  if (dbBaseline) {
    const vsDb = app.requests.average / dbBaseline.rps;
    const pglite = dbBaseline.label.includes("PGlite");
    const target = pglite ? 0.3 : 0.5;
    rows.push(
      {
        id: "P1",
        metric: `${dbBaseline.label} p50 / p99, req/s`,
        value: `${dbBaseline.p50} / ${dbBaseline.p99} ms, ${dbBaseline.rps.toFixed(0)}`,
        target: "baseline",
        pass: null,
      },
      {
        id: "P1",
        metric: `throughput vs ${dbBaseline.label}`,
        value: `${(vsDb * 100).toFixed(1)} %`,
        target: `≥ ${target * 100} %`,
        pass: vsDb >= target,
      },
    );
  }
  return rows;
}

/** Builds the n-th unique, signed conference mute/unmute event spread over the live meetings. */
export function conferenceEvent(seeded: Seeded, prefix: string, n: number, meetings = seeded.live, seqBase = 1_000) {
  const m = meetings[n % meetings.length]!;
  const leg = m.legs[Math.floor(n / meetings.length) % m.legs.length]!;
  const mute = Math.floor(n / (meetings.length * m.legs.length)) % 2 === 0;
  const body = new URLSearchParams({
    ConferenceName: m.room,
    conference_name: m.room,
    StatusCallbackEvent: mute ? "participant-mute" : "participant-unmute",
    event: mute ? "mute" : "unmute",
    EventId: `${prefix}${n}`,
    Timestamp: new Date().toISOString(),
    SequenceNumber: String(seqBase + n),
    participants: String(m.legs.length),
    CallId: leg.callId,
    call_id: leg.callId,
    session_id: "HD_bench",
    participant_id: leg.callId,
    caller: leg.phone,
    muted: String(mute),
    clientRequestId: leg.key,
  }).toString();
  return {
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-sautikit-signature": sign(body, seeded.secret) },
  };
}

export async function ingest(appUrl: string, seeded: Seeded, prefix: string, amount: number, meetings = seeded.live) {
  let n = 0;
  const path = `/api/sautikit/${seeded.workspaceId}/conference/events`;
  // The rate is timed here, from the start to the last answer: autocannon ends a run only on its
  // next one-second sample tick, so its own `duration` rounds a fixed-amount run up to the next
  // whole second (2 000 events in 2.1 s would read as ≈ 3 s, a third slow).
  const started = performance.now();
  let lastAnswer = started;
  const result = await runCounted(
    {
      url: appUrl,
      connections: 50,
      // A fixed number of requests, so every one completes and the rows can be counted exactly.
      amount,
      timeout: 30,
      requests: [
        {
          method: "POST",
          path,
          setupRequest: (req) => ({ ...req, ...conferenceEvent(seeded, prefix, n++, meetings) }),
        },
      ],
    },
    () => (lastAnswer = performance.now()),
  );
  return {
    sent: n,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
    perSecond: result["2xx"] / ((lastAnswer - started) / 1000),
    p99: result.latency.p99,
  };
}

/** An autocannon run whose every answer is reported to `onAnswer` as it arrives. */
function runCounted(opts: Options, onAnswer: () => void): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))).on("response", onAnswer);
  });
}

export { http };
