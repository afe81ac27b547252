import { loadConfig } from "./config";
import type { Emulator } from "./context";
import { FaultState } from "./api/faults";
import { IdempotencyStore } from "./api/idempotency";
import { RateLimiter } from "./api/rate-limit";
import { RequestLog } from "./api/request-log";
import { Deliverer } from "./delivery/deliverer";
import { CallEngine } from "./engine/calls";
import { ConferenceEngine } from "./engine/conference";
import { Recordings } from "./engine/recordings";
import { SupervisionEngine } from "./engine/supervision";
import { createEmulatorServer } from "./http/server";
import { logError, setLogLevel } from "./log";
import { Store } from "./state/store";

// `npm run emulator`: the local Sautikit. Prints "emulator listening on http://HOST:PORT" when ready.

async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.log);
  const store = new Store(config);
  store.load();
  const faults = new FaultState();
  let boundUrl = `http://${config.host}:${config.port}`;
  const em = {
    config,
    store,
    faults,
    rateLimiter: new RateLimiter(config.rateLimit),
    idempotency: new IdempotencyStore(),
    requestLog: new RequestLog(),
    deliverer: new Deliverer(store, faults, config.timeScale),
    scaled: (ms: number) => ms * config.timeScale,
    publicUrl: () => config.publicUrl ?? boundUrl,
  } as Partial<Emulator> as Emulator;
  em.calls = new CallEngine(em);
  em.conferences = new ConferenceEngine(em);
  em.recordings = new Recordings(em);
  em.supervision = new SupervisionEngine(em);

  const { server, stream } = createEmulatorServer(em);
  server.on("error", (error) => {
    logError("server", error);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    boundUrl = `http://${host}:${port}`;
    process.stdout.write(`emulator listening on ${boundUrl}\n`);
    if (!["127.0.0.1", "::1", "localhost"].includes(config.host))
      logError(
        `EMULATOR_HOST is ${config.host}: the /_emulator control API has no authentication; anyone who can reach it can drive it.`,
      );
    process.stdout.write(
      `  seeded workspace: key ${config.apiKey}, dial-in ${config.dialInNumber}, caller ID ${config.callerIdNumber}; ` +
        `state ${config.stateFile ?? "in memory"}; time scale ${config.timeScale}; fault seed ${faults.seed}\n`,
    );
  });

  const shutdown = () => {
    stream.close();
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  logError("the emulator could not start", error);
  process.exit(1);
});
