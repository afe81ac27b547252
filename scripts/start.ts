// npm start — production: migrations, then the production server (scripts/lib/production-server.ts:
// Next plus a webhook fast lane, ADR 0008). In local mode (SAUTIKIT_API_URL on this
// machine) the emulator runs alongside and the demo workspace is seeded and connected, as in dev.
import { runStackEntry } from "./run-stack";

await runStackEntry(({ localMode }) => ({
  next: "start",
  emulator: localMode,
  seed: localMode,
  connect: localMode,
  banner: localMode,
}));
