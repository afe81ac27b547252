// Loaded into the app's process by the P7 soak (NODE_OPTIONS="--import …/loop-probe.mjs"): every
// BENCH_PROBE_INTERVAL_MS it appends one JSON line to BENCH_PROBE_FILE with the process's RSS and
// the event-loop delay percentiles since the previous line. Inert without BENCH_PROBE_FILE, and
// only the process that loaded it first writes (NODE_OPTIONS is inherited by child processes).
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_PROBE_FILE;
if (file && !process.env.BENCH_PROBE_OWNER) {
  process.env.BENCH_PROBE_OWNER = String(process.pid);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const every = Number(process.env.BENCH_PROBE_INTERVAL_MS ?? 10_000);
  setInterval(() => {
    const line = {
      at: Date.now(),
      pid: process.pid,
      rssBytes: process.memoryUsage.rss(),
      heapUsedBytes: process.memoryUsage().heapUsed,
      delayP50Ms: delay.percentile(50) / 1e6,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
    };
    delay.reset();
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, every).unref();
}
