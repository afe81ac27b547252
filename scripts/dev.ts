// npm run dev — the emulator, migrations, seed, connect and `next dev` in one terminal.
import { runStackEntry } from "./run-stack";

await runStackEntry((config) => ({
  next: "dev",
  emulator: true,
  seed: true,
  connect: config.localMode,
  banner: true,
}));
