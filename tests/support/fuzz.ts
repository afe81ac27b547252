// One way to run a fast-check property in this repo: every run has a seed, a failure names it, and
// FUZZ_SEED=<seed> replays that run exactly (same seed, same numRuns → the same inputs in order).
// Without FUZZ_SEED each test file draws a fresh seed, so CI keeps exploring new inputs.
import fc from "fast-check";
import { expect } from "vitest";

function pickSeed(): number {
  const fromEnv = process.env.FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv !== "") {
    const n = Number(fromEnv);
    if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, not "${fromEnv}"`);
    return n | 0;
  }
  return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
}

/** This test file's seed (FUZZ_SEED when set). */
export const fuzzSeed = pickSeed();

/**
 * fc.assert with this file's seed (or `params.seed`). On failure the error starts with the seed and
 * the command line that replays it; fast-check's own report (counterexample, shrink path) follows.
 */
export async function fuzz<Ts>(
  property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> {
  const seed = params.seed ?? fuzzSeed;
  try {
    await fc.assert(property as fc.IAsyncPropertyWithHooks<Ts>, { ...params, seed });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const file = (expect.getState().testPath ?? "<this file>").replace(/^.*?(?=tests\/)/, "");
    const replay = `FUZZ_SEED=${seed} npm run test:${file.startsWith("tests/unit/") ? "unit" : "integration"} -- ${file}`;
    console.error(`fuzz: property failed with seed ${seed}; replay with: ${replay}`);
    throw new Error(`fuzz seed ${seed} (replay: ${replay})\n${message}`, { cause: e });
  }
}
