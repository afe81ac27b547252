import type { ServerResponse } from "node:http";
import type { Emulator } from "../context";
import { snapshot } from "./snapshot";

// GET /_emulator/stream: `event: state` with the full snapshot on connect and on every change,
// throttled to at most 10 per second; a comment line every 15 s keeps proxies from timing out.

const MIN_INTERVAL_MS = 100;
const KEEPALIVE_MS = 15_000;

export class StateStream {
  private readonly clients = new Set<ServerResponse>();
  private timer: NodeJS.Timeout | null = null;
  private lastSent = 0;
  private readonly keepalive: NodeJS.Timeout;

  constructor(private readonly em: Emulator) {
    em.store.onChange(() => this.schedule());
    this.keepalive = setInterval(() => {
      for (const res of this.clients) res.write(": keepalive\n\n");
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 1000\n\n");
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
    this.send([res]);
  }

  private schedule(): void {
    if (this.timer || this.clients.size === 0) return;
    const wait = Math.max(0, this.lastSent + MIN_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send([...this.clients]);
    }, wait);
  }

  private send(targets: ServerResponse[]): void {
    if (targets.length === 0) return;
    this.lastSent = Date.now();
    const frame = `event: state\ndata: ${JSON.stringify(snapshot(this.em))}\n\n`;
    for (const res of targets) res.write(frame);
  }

  close(): void {
    clearInterval(this.keepalive);
    if (this.timer) clearTimeout(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
