import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PersistedState } from "./types";

// Workspaces, numbers, routing and wallets survive a restart; live calls do not.
// Writes go to a temp file then rename, so a crash never leaves a half-written state file.

const numberSchema = z.object({
  id: z.string(),
  e164: z.string(),
  role: z.enum(["dial_in", "caller_id"]),
  status: z.enum(["active", "suspended"]),
  claimed_at: z.string(),
  voice_callback_url: z.string().nullable(),
  events_url: z.string().nullable(),
  voice_signing_secret: z.string(),
});

const stateSchema = z.object({
  version: z.literal(1),
  number_counter: z.number().int().nonnegative(),
  workspaces: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      api_key: z.string(),
      signing_secret: z.string(),
      balance_minor: z.number().int(),
      low_balance_threshold_minor: z.number().int(),
      numbers: z.array(numberSchema),
      created_at: z.string(),
    }),
  ),
});

export function readState(file: string): PersistedState | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = stateSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`The emulator state file ${file} is not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export function writeState(file: string, state: PersistedState): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2), { mode: 0o600 });
  renameSync(temp, file);
}
