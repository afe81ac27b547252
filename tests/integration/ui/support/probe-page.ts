import http from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";

/** Bundles a probe page's browser entry (TSX, the app's own modules) into one ES module, React in production mode. */
export async function bundleProbe(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return out.outputFiles[0]!.text;
}

export type ProbeStage = { origin: string; browser: Browser; stop(): Promise<void> };

/** A local server answering with `handler` (the probe page, its script, stand-ins for app routes) and a Chromium to open it. */
export async function startProbeStage(handler: http.RequestListener): Promise<ProbeStage> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  return {
    origin,
    browser,
    async stop() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
