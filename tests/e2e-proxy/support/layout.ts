// Where the reverse-proxy pass puts things. Fixed ports (none shared with dev, e2e or the bench);
// E2E_PROXY_PORT moves the public one.
import path from "node:path";
import { repoRoot } from "@/scripts/lib/config";
import type { ProxyLayout } from "./nginx-config";

const port = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) ? Number(value) : fallback);
const base = port(process.env.E2E_PROXY_PORT, 3443);

export const PROXY_DIR = path.join(repoRoot, ".data/proxy-e2e");
export const PROXY_LAYOUT: ProxyLayout = {
  dir: PROXY_DIR,
  httpsPort: base,
  httpPort: base + 1,
  instancePorts: [base + 2, base + 3],
  cert: path.join(PROXY_DIR, "tls/cert.pem"),
  key: path.join(PROXY_DIR, "tls/key.pem"),
};
export const PROXY_EMULATOR_PORT = base + 4;
export const PROXY_URL = `https://127.0.0.1:${PROXY_LAYOUT.httpsPort}`;
export const PROXY_EMULATOR_URL = `http://127.0.0.1:${PROXY_EMULATOR_PORT}`;
/** Written by the stack once everything answers; read by the tests (pids to kill, nginx to reload). */
export const STACK_FILE = path.join(PROXY_DIR, "stack.json");
export const NGINX = "/usr/sbin/nginx";

export type StackInfo = {
  instances: { port: number; pid: number }[];
  nginxPid: number;
  accessLog: string;
  breakStreaming?: "buffer" | "buffer+gzip";
};
