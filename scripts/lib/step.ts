// One-shot steps the runner runs in a child process: `migrate` and `seed`. Each opens the database,
// does its work, closes it and exits, so the app can open the (single-process) embedded database.
// Usage: node --conditions=react-server --import tsx scripts/lib/step.ts migrate|seed
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./config";

type StepResult = { step: string; skipped?: string; applied?: string[]; seeded?: unknown; demoCredentials?: unknown };

async function importIfPresent(relative: string): Promise<Record<string, unknown> | undefined> {
  const file = path.join(repoRoot, relative);
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

async function migrate(): Promise<StepResult> {
  const mod = await importIfPresent("scripts/db/migrate.ts");
  if (typeof mod?.deployMigrations !== "function") {
    return { step: "migrate", skipped: "scripts/db/migrate.ts (deployMigrations) does not exist yet" };
  }
  const url = process.env.DATABASE_URL ?? "pglite:./.data/mkutano";
  const result = (await mod.deployMigrations(url)) as { applied?: string[] } | undefined;
  const applied = result?.applied ?? [];
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date");
  return { step: "migrate", applied };
}

async function seed(): Promise<StepResult> {
  const mod = await importIfPresent("scripts/seed.ts");
  if (typeof mod?.seedIfEmpty !== "function") {
    return { step: "seed", skipped: "scripts/seed.ts (seedIfEmpty) does not exist yet" };
  }
  try {
    const seeded = await mod.seedIfEmpty();
    return { step: "seed", seeded, demoCredentials: mod.DEMO_CREDENTIALS };
  } finally {
    const db = await importIfPresent("lib/db.ts");
    if (typeof db?.disconnectDb === "function") await db.disconnectDb();
  }
}

const steps: Record<string, () => Promise<StepResult>> = { migrate, seed };

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
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
