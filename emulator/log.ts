// One readable line per request and per delivery, e.g.
//   12:04:05.120  POST /v1/calls → 201  14ms  ws=0190…0001  req_9f3c…
//   12:04:06.002  ⇢ call.answered → http://127.0.0.1:3000/api/… 200 12ms attempt 1/8

export type LogLevel = "info" | "quiet" | "debug";

let level: LogLevel = "info";

export function setLogLevel(next: LogLevel): void {
  level = next;
}

function stamp(): string {
  return new Date().toISOString().slice(11, 23);
}

export function logInfo(line: string): void {
  if (level !== "quiet") process.stdout.write(`${stamp()}  ${line}\n`);
}

export function logDebug(line: string): void {
  if (level === "debug") process.stdout.write(`${stamp()}  ${line}\n`);
}

export function logError(line: string, error?: unknown): void {
  const detail = error instanceof Error ? ` (${error.message})` : error !== undefined ? ` (${String(error)})` : "";
  process.stderr.write(`${stamp()}  ERROR ${line}${detail}\n`);
}
