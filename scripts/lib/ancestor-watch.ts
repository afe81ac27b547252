// Notices when the wrapper processes that started us die. `npm start` runs npm → sh → tsx → the
// runner: on SIGTERM npm signals only `sh`, which dies without passing it on, leaving tsx and us
// running, re-parented, with no one left to stop the stack. Polling the chain catches that.
import { readFileSync } from "node:fs";

/** Process names that are launch wrappers, not a person's shell (a closing terminal sends SIGHUP anyway). */
const WRAPPERS = new Set(["node", "sh", "dash", "npm", "npx", "tsx"]);

function parentOf(pid: number): { ppid: number; name: string } | undefined {
  try {
    // /proc/<pid>/stat is "pid (name) state ppid …"; the name may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const name = stat.slice(stat.indexOf("(") + 1, close);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    return { ppid, name };
  } catch {
    return undefined; // not Linux, or already gone
  }
}

function alive(pid: number): boolean {
  try {
    // A zombie still answers kill(pid, 0); some containers' init never reaps orphans.
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }
}

/** Our parent and the launch wrappers above it (npm, sh, tsx), nearest first, at most `depth`. */
export function wrapperChain(depth = 4): number[] {
  const chain = [process.ppid];
  let pid = process.ppid;
  while (chain.length < depth) {
    const info = parentOf(pid);
    if (!info || !WRAPPERS.has(info.name)) break;
    if (info.ppid <= 1) break;
    const above = parentOf(info.ppid);
    if (!above || !WRAPPERS.has(above.name)) break;
    chain.push(info.ppid);
    pid = info.ppid;
  }
  return chain;
}

/** Calls `onGone` once, when any process of the launch chain has exited (or we were re-parented). */
export function watchWrapperChain(onGone: () => void, intervalMs = 1000): void {
  const chain = wrapperChain();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent && chain.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
}
