// One-shot steps the runner runs in a child process: `migrate` and `seed`. Each opens the database,
// does its work, closes it and exits, so the app can then open the (single-process) embedded one.
// Usage: node --conditions=react-server --import tsx scripts/lib/step.ts migrate|seed
import { disconnectDb } from "@/lib/db";
import { deployMigrations } from "@/scripts/db/migrate";
import { DEMO_CREDENTIALS, type SeedResult, seedIfEmpty } from "@/scripts/seed";

export type MigrateStepResult = { step: "migrate"; applied: string[] };
export type SeedStepResult = { step: "seed"; result: SeedResult; demoCredentials: typeof DEMO_CREDENTIALS };

async function migrate(): Promise<MigrateStepResult> {
  const url = process.env.DATABASE_URL ?? "pglite:./.data/mkutano";
  const { applied } = await deployMigrations(url);
  console.log(
    applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date",
  );
  return { step: "migrate", applied };
}

async function seed(): Promise<SeedStepResult> {
  try {
    const result = await seedIfEmpty();
    console.log(result.seeded ? `seeded the demo workspace (${result.workspaceId})` : `not seeding: ${result.reason}`);
    return { step: "seed", result, demoCredentials: DEMO_CREDENTIALS };
  } finally {
    await disconnectDb();
  }
}

const steps: Record<string, () => Promise<MigrateStepResult | SeedStepResult>> = { migrate, seed };

async function main(): Promise<void> {
  const name = process.argv[2] ?? "";
  const step = steps[name];
  if (!step) throw new Error(`unknown step "${name}" (expected one of: ${Object.keys(steps).join(", ")})`);
  const result = await step();
  if (process.send) await new Promise<void>((resolve) => process.send!(result, () => resolve()));
}

main().then(
  // PGlite and pools can keep the event loop alive; the step is done, so leave now.
  () => process.exit(0),
  (error: unknown) => {
    // The message is what a person needs ("Can't reach database server at …"); the stack (WASM
    // frames, mostly) only when asked for.
    const verbose = ["debug", "trace"].includes(process.env.LOG_LEVEL ?? "");
    console.error(error instanceof Error ? (verbose ? (error.stack ?? error.message) : error.message) : error);
    process.exit(1);
  },
);
