// Playwright's web server for the reverse-proxy pass: the emulator, ONE PostgreSQL database, TWO
// production instances (`npm start`'s server) and Debian's nginx in front of them with TLS (a
// throwaway self-signed certificate) and gzip, rendered from docs/nginx/mkutano.conf. The app's
// public URL (APP_BASE_URL) is the proxy's https:// address, so Sautikit's webhooks come through
// nginx too; the emulator trusts the certificate through NODE_EXTRA_CA_CERTS, as a provider trusts a
// real one. An instance that dies (the tests kill one on purpose) does not stop the stack.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, resolveStackConfig } from "@/scripts/lib/config";
import { fail, say } from "@/scripts/lib/output";
import { type Service, runStep, startService, stopService, tsxArgs, waitForHttp } from "@/scripts/lib/processes";
import { appArgs } from "@/scripts/lib/stack";
import { makeUntil } from "../../support/until";
import { prepareE2eDatabase } from "../../e2e/support/e2e-database";
import { E2E_EMULATOR_API_KEY, E2E_EMULATOR_SIGNING_SECRET } from "../../e2e/support/urls";
import {
  NGINX,
  PROXY_DIR,
  PROXY_EMULATOR_PORT,
  PROXY_EMULATOR_URL,
  PROXY_LAYOUT,
  PROXY_URL,
  STACK_FILE,
  type StackInfo,
} from "./layout";
import { renderMainConfig, renderSiteConfig } from "./nginx-config";

const services: Service[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  stopping = true;
  for (const service of [...services].reverse()) await stopService(service, 5000);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopAll(0));

function makeCertificate(): void {
  mkdirSync(path.dirname(PROXY_LAYOUT.cert), { recursive: true });
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      PROXY_LAYOUT.key,
      "-out",
      PROXY_LAYOUT.cert,
    ],
    { stdio: "ignore" },
  );
}

/** Waits until the proxy answers /api/health over TLS, trusting only our certificate. */
async function waitForProxy(timeoutMs: number): Promise<void> {
  const ca = readFileSync(PROXY_LAYOUT.cert);
  const healthy = () =>
    new Promise<boolean>((resolve, reject) => {
      const req = https.get(`${PROXY_URL}/api/health`, { ca, timeout: 3000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(true);
        else reject(new Error(`HTTP ${res.statusCode}`));
      });
      req.on("error", reject);
      req.on("timeout", () => req.destroy(new Error("timeout")));
    });
  await makeUntil({ tolerateErrors: true, intervalMs: 250 })(
    `the proxy at ${PROXY_URL} to answer /api/health`,
    healthy,
    timeoutMs,
  );
}

async function main(): Promise<void> {
  const postgres = process.env.E2E_DATABASE_URL;
  if (!postgres)
    throw new Error("the reverse-proxy pass needs PostgreSQL (two instances share one database): set E2E_DATABASE_URL");
  rmSync(PROXY_DIR, { recursive: true, force: true });
  for (const sub of ["tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"]) {
    // nginx's workers may run as an unprivileged user when started as root.
    mkdirSync(path.join(PROXY_DIR, sub), { recursive: true, mode: 0o777 });
  }
  execFileSync("chmod", ["-R", "a+rwx", path.join(PROXY_DIR, "tmp")]);
  makeCertificate();

  const databaseUrl = await prepareE2eDatabase(postgres, "proxy");
  const [first] = PROXY_LAYOUT.instancePorts;
  const config = resolveStackConfig({
    ...process.env,
    PORT: String(first),
    HOST: "127.0.0.1",
    EMULATOR_PORT: String(PROXY_EMULATOR_PORT),
    EMULATOR_HOST: "127.0.0.1",
    EMULATOR_PUBLIC_URL: PROXY_EMULATOR_URL,
    SAUTIKIT_API_URL: PROXY_EMULATOR_URL,
    APP_BASE_URL: PROXY_URL,
    DATABASE_URL: databaseUrl,
    AUTH_TRUST_HOST: "true",
    TRUST_PROXY: "true",
    SAUTIKIT_API_KEY: E2E_EMULATOR_API_KEY,
    SAUTIKIT_WEBHOOK_SECRET: E2E_EMULATOR_SIGNING_SECRET,
  });
  const env = config.env;

  const emulator = startService(
    "emulator",
    "cyan",
    process.execPath,
    ["--import", "tsx", "emulator/main.ts"],
    {
      ...env,
      EMULATOR_STATE_FILE: "memory",
      EMULATOR_API_KEY: E2E_EMULATOR_API_KEY,
      EMULATOR_SIGNING_SECRET: E2E_EMULATOR_SIGNING_SECRET,
      NODE_EXTRA_CA_CERTS: PROXY_LAYOUT.cert,
    },
    repoRoot,
  );
  services.push(emulator);
  await runStep("migrate", "grey", tsxArgs("scripts/lib/step.ts", ["migrate"]), env, repoRoot);
  await runStep("seed", "grey", tsxArgs("scripts/lib/step.ts", ["seed"]), env, repoRoot);
  await waitForHttp(`${PROXY_EMULATOR_URL}/_emulator/health`, { timeoutMs: 30_000, service: emulator });
  // Routes the demo workspace's numbers to APP_BASE_URL: the proxy.
  await runStep("connect", "grey", tsxArgs("scripts/connect-local.ts"), env, repoRoot);

  const instances = PROXY_LAYOUT.instancePorts.map((port, i) => {
    const service = startService(
      `app-${i + 1}`,
      "magenta",
      process.execPath,
      appArgs("start", { appPort: port, appHost: "127.0.0.1" }),
      {
        ...env,
        PORT: String(port),
      },
      repoRoot,
    );
    services.push(service);
    return { port, service };
  });
  await Promise.all(
    instances.map(({ port, service }) =>
      waitForHttp(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 120_000, service, accept: (s) => s < 500 }),
    ),
  );

  // Only for showing that the pass fails when the proxy holds the stream back (see docs/deployment.md).
  const breakMode = process.env.E2E_PROXY_BREAK_STREAMING;
  const breakStreaming = breakMode === "buffer" || breakMode === "buffer+gzip" ? breakMode : undefined;
  writeFileSync(
    path.join(PROXY_DIR, "mkutano.conf"),
    renderSiteConfig(PROXY_LAYOUT, { streamReadTimeout: "20s", upstreamHeader: true, breakStreaming }),
  );
  writeFileSync(path.join(PROXY_DIR, "nginx.conf"), renderMainConfig(PROXY_LAYOUT));
  const nginx = startService(
    "nginx",
    "green",
    NGINX,
    ["-e", path.join(PROXY_DIR, "error.log"), "-c", path.join(PROXY_DIR, "nginx.conf"), "-g", "daemon off;"],
    env,
    repoRoot,
  );
  services.push(nginx);
  void nginx.exited.then((exit) => {
    if (!stopping) fail(`nginx exited (${JSON.stringify(exit)}); see ${path.join(PROXY_DIR, "error.log")}`);
  });
  await waitForProxy(30_000);

  const info: StackInfo = {
    instances: instances.map(({ port, service }) => ({ port, pid: service.child.pid! })),
    nginxPid: nginx.child.pid!,
    accessLog: path.join(PROXY_DIR, "access.log"),
    breakStreaming,
  };
  writeFileSync(STACK_FILE, JSON.stringify(info, null, 2));
  say(`proxy ready: ${PROXY_URL} → ${PROXY_LAYOUT.instancePorts.map((p) => `127.0.0.1:${p}`).join(", ")}`);
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
  void stopAll(1);
});
