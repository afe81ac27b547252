// npm run bench [-- --short] [-- --only=P1,P2] [-- --db=embedded|postgres]
// Benchmarks P1–P7 against the production build (`next start` on 127.0.0.1) with the
// real emulator, on the embedded database and on PostgreSQL (when reachable). Prints a table;
// the figures of a full run are recorded in bench/RESULTS.md. Not a test: a missed target never
// fails the process; a scenario that cannot run gets a "did not run" row, the others still run,
// and the exit code is 1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Seeded } from "./support/app-data";
import {
  appData,
  appEnv,
  bootEmulator,
  createDatabase,
  type DbKind,
  postgresServerUrl,
  startApp,
} from "./support/stack";
import { databaseBaseline, ingest, InvalidRun, type Row, voiceCallback } from "./scenarios/ingest";
import { callEveryone, rosterFanOut } from "./scenarios/live";
import { meetingPage } from "./scenarios/page";
import { renderBigRoom } from "./scenarios/render";
import { probeEnv, soak } from "./scenarios/soak";
import { assertPortFree } from "./support/ports";

const args = process.argv.slice(2);
const short = args.includes("--short") || process.env.BENCH_SHORT === "1";
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const dbArg = args.find((a) => a.startsWith("--db="))?.slice(5) as DbKind | undefined;
const want = (id: string) => !only || only.includes(id);
const P4_PREFIX = "+2547000005"; // the emulator's manual numbers: they ring until answered

const sizes = short
  ? { p1Seconds: 3, p2Events: 600, p3Rounds: 5, p5Samples: 5, p6Legs: 200, p6Events: 150, p6Updates: 20, p7Seconds: 60 }
  : {
      p1Seconds: 10,
      p2Events: 2000,
      p3Rounds: 20,
      p5Samples: 20,
      p6Legs: 1000,
      p6Events: 300,
      p6Updates: 50,
      p7Seconds: 600,
    };

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: postgresServerUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function step(kind: DbKind, id: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${kind}: ${id}…`);
}

let brokenScenarios = 0;
/** Runs one scenario; if it cannot run, a "did not run" row says why and the next one still runs. */
async function attempt<T>(kind: DbKind, id: string, rows: Row[], run: () => Promise<T>): Promise<T | undefined> {
  step(kind, id);
  try {
    return await run();
  } catch (err) {
    brokenScenarios += 1;
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 240);
    console.error(`${kind}: ${id} did not run:`, err);
    const invalid = err instanceof InvalidRun;
    if (invalid) rows.push(...err.rows);
    rows.push({
      id,
      metric: invalid ? "ran, but not as specified" : "did not run",
      value: message,
      target: "",
      pass: false,
    });
    return undefined;
  }
}

/**
 * Ends every call, room and phone state the emulator holds (workspaces stay). Each pass starts from
 * this: a phone still on a call from the previous pass (P7's stayer stays for ever) would answer
 * this pass's dial busy.
 */
async function resetEmulator(emulatorUrl: string): Promise<void> {
  const res = await fetch(`${emulatorUrl}/_emulator/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (!res.ok) throw new Error(`emulator reset: ${res.status} ${await res.text()}`);
}

async function runOn(kind: DbKind, emulatorUrl: string, port: number): Promise<Row[]> {
  const rows: Row[] = [];
  await assertPortFree(port);
  await resetEmulator(emulatorUrl);
  const database = await createDatabase(kind);
  const probeFile = path.join(os.tmpdir(), `mkutano-bench-probe-${process.pid}-${kind}.jsonl`);
  const env = { ...appEnv(database, emulatorUrl, port), ...(want("P7") ? probeEnv(probeFile) : {}) };
  try {
    const seeded = await appData<Seeded>(
      "seed",
      {
        live: { meetings: 20, legsPerMeeting: 10 },
        idle: { meetings: want("P4") ? 1 : 0, participantsPerMeeting: 100, phonePrefix: P4_PREFIX },
        big: want("P6") ? { legs: sizes.p6Legs } : undefined,
        soak: want("P7") ? { dropouts: 20 } : undefined,
      },
      appEnv(database, emulatorUrl, port),
    );
    // Before the app starts: the embedded database is opened by one process at a time.
    const dbBaseline = want("P1")
      ? await attempt(kind, "P1 baseline", rows, () => databaseBaseline(database.url, seeded, sizes.p1Seconds))
      : undefined;
    const app = await startApp(env, port);
    const killApp = () => void app.child.kill("SIGKILL");
    running.add(killApp);
    const prefix = `bench-${kind}-${Date.now()}-`;
    let p2: Awaited<ReturnType<typeof ingest>> | undefined;
    let p6: Awaited<ReturnType<typeof ingest>> | undefined;
    try {
      if (want("P1"))
        rows.push(
          ...((await attempt(kind, "P1", rows, () =>
            voiceCallback(app.url, seeded, sizes.p1Seconds, dbBaseline, !short),
          )) ?? []),
        );
      // The last live meeting is kept for P3, whose rounds must each change the roster.
      if (want("P2"))
        p2 = await attempt(kind, "P2", rows, () =>
          ingest(app.url, seeded, prefix, sizes.p2Events, seeded.live.slice(0, -1)),
        );
      if (want("P3"))
        rows.push(...((await attempt(kind, "P3", rows, () => rosterFanOut(app.url, seeded, sizes.p3Rounds))) ?? []));
      if (want("P4")) {
        rows.push(
          ...((await attempt(kind, "P4", rows, () => callEveryone(app.url, emulatorUrl, seeded, P4_PREFIX))) ?? []),
        );
        await resetEmulator(emulatorUrl);
      }
      if (want("P5") && kind === "embedded")
        rows.push(...((await attempt(kind, "P5", rows, () => meetingPage(app.url, seeded, sizes.p5Samples))) ?? []));
      if (want("P6") && seeded.big) {
        // The browser first, on its own: its events use their own prefix (not counted with P2's).
        const browserRows = await attempt(kind, "P6 browser", rows, () =>
          renderBigRoom(app.url, seeded, sizes.p6Updates, `render-${kind}-${Date.now()}-`),
        );
        rows.push(...(browserRows ?? []));
        p6 = await attempt(kind, "P6 ingest", rows, () =>
          ingest(app.url, seeded, `${prefix}big-`, sizes.p6Events, [seeded.big!]),
        );
      }
      if (want("P7"))
        rows.push(
          ...((await attempt(kind, "P7", rows, () =>
            soak(app.url, seeded, {
              seconds: sizes.p7Seconds,
              emulatorUrl,
              probeFile,
              appPid: app.child.pid!,
              appOutput: app.output,
            }),
          )) ?? []),
        );
    } finally {
      fs.rmSync(probeFile, { force: true });
      running.delete(killApp);
      await app.stop();
    }
    // Counted after the app stopped (the embedded database belongs to one process at a time).
    const counted = await appData<{ facts: number; events: number; distinctEvents: number }>("count", { prefix }, env);
    if (p2) {
      const target = kind === "embedded" ? 500 : 1000;
      // Every event sent must be stored exactly once. A request the client gave up on (timeout) may
      // still have been applied; a real sender would retry it and get "duplicate".
      const sent = p2.sent + (p6?.sent ?? 0);
      const acknowledged = p2.ok + (p6?.ok ?? 0);
      const doubled = counted.events - counted.distinctEvents;
      const ok = counted.facts >= acknowledged && counted.facts <= sent && doubled === 0;
      rows.push(
        {
          id: "P2",
          metric: `signed event ingest, ${p2.ok}/${p2.sent} acknowledged (p99 ${p2.p99} ms)`,
          value: `${p2.perSecond.toFixed(0)} events/s`,
          target: `≥ ${target}/s`,
          pass: p2.perSecond >= target,
        },
        {
          id: "P2",
          metric: "events stored / acknowledged / sent (P2+P6), double-applied",
          value: `${counted.facts} / ${acknowledged} / ${sent}, ${doubled}`,
          target: "none lost, 0 doubled",
          pass: ok,
        },
      );
    }
    if (p6) {
      const ratio = p2 ? p6.perSecond / p2.perSecond : NaN;
      rows.push({
        id: "P6",
        metric: `ingest into one ${sizes.p6Legs}-leg room (p99 ${p6.p99} ms)`,
        value: `${p6.perSecond.toFixed(0)} events/s (${p2 ? `${(ratio * 100).toFixed(0)} % of P2` : "P2 not run"})`,
        target: "unchanged",
        pass: p2 ? ratio >= 0.8 : null,
      });
    }
  } finally {
    await database.drop();
  }
  return rows;
}

function table(rows: (Row & { db: string })[]): string {
  const head = ["db", "id", "metric", "value", "target", "ok"];
  const cells = rows.map((r) => [
    r.db,
    r.id,
    r.metric,
    r.value,
    r.target,
    r.pass === null ? "" : r.pass ? "yes" : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

// Stopped from outside (CI's timeout, Ctrl-C): kill the app and emulator this run started (they
// would otherwise outlive it when only this process is signalled, and a draining app can take a
// while) and end at once, printing nothing more (CI prints its totals next). Both are throwaway:
// nothing to shut down gracefully. Playwright kills its chromium when this process exits.
const running = new Set<() => void>();
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopped`);
    for (const kill of running) kill();
    process.exit(signal === "SIGTERM" ? 143 : 130);
  });
}

const started = Date.now();
const kinds: DbKind[] = dbArg ? [dbArg] : (await postgresReachable()) ? ["embedded", "postgres"] : ["embedded"];
console.log(
  `mkutano bench (${short ? "short" : "full"}) — ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${new Date().toISOString()}`,
);
if (!dbArg && !kinds.includes("postgres"))
  console.log(`PostgreSQL at ${new URL(postgresServerUrl()).host} is not reachable: embedded database only`);
const emulator = await bootEmulator();
running.add(() => void emulator.stop().catch(() => {})); // sends SIGTERM at once (in memory: exits at once)
const all: (Row & { db: string })[] = [];
try {
  for (const [i, kind] of kinds.entries()) {
    const rows: Row[] = [];
    // A pass that cannot even start (database, seed, app) leaves the other database's pass running.
    await attempt(
      kind,
      "all",
      rows,
      async () => void rows.push(...(await runOn(kind, emulator.url, Number(process.env.BENCH_PORT ?? 5100) + i))),
    );
    all.push(...rows.map((r) => ({ ...r, db: kind })));
  }
} finally {
  await emulator.stop();
}
console.log(table(all.sort((a, b) => a.id.localeCompare(b.id))));
console.log(
  `done in ${((Date.now() - started) / 1000).toFixed(0)} s${brokenScenarios ? `; ${brokenScenarios} scenario(s) did not run` : ""}`,
);
process.exit(brokenScenarios ? 1 : 0);
