import { z } from "zod";
import {
  DEFAULT_RATE_LIMIT_PER_SECOND,
  SEEDED_BALANCE_MINOR,
  VOICEMAIL_MAX_SECONDS,
} from "../lib/sautikit/contract/constants";
import { e164Schema } from "../lib/sautikit/contract/common";
import { parseHostRule, type HostRule } from "./http/host-check";

// The only place the emulator reads process.env. Defaults give the deterministic seeded workspace
// that the app's local mode expects (docs/architecture.md, README "Configuration").

const configSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_STATE_FILE: z.string().min(1).default(".data/emulator-state.json"),
  EMULATOR_API_KEY: z.string().min(8).default("sk_test_emulator"),
  EMULATOR_SIGNING_SECRET: z.string().min(16).default("whsec_emulator_local"),
  EMULATOR_BALANCE_MINOR: z.coerce.number().int().default(SEEDED_BALANCE_MINOR),
  EMULATOR_RATE_LIMIT: z.coerce.number().min(0).default(DEFAULT_RATE_LIMIT_PER_SECOND),
  EMULATOR_TIME_SCALE: z.coerce.number().positive().max(1000).default(1),
  EMULATOR_PUBLIC_URL: z.url().optional(),
  /** How long a voicemail phone records before it hangs up (a call duration: real time, not scaled). */
  EMULATOR_VOICEMAIL_SECONDS: z.coerce.number().int().min(1).max(3600).default(VOICEMAIL_MAX_SECONDS),
  EMULATOR_DIALIN_NUMBER: e164Schema.default("+254709000100"),
  EMULATOR_CALLERID_NUMBER: e164Schema.default("+254709000200"),
  /** Extra Host names the emulator answers to, comma-separated: `name` (any port) or `name:port`. */
  EMULATOR_ALLOWED_HOSTS: z
    .string()
    .transform((v, ctx) => {
      const rules: HostRule[] = [];
      for (const entry of v
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean)) {
        const rule = parseHostRule(entry);
        if (rule) rules.push(rule);
        else ctx.addIssue({ code: "custom", message: `"${entry}" is not a host name or host:port` });
      }
      return rules;
    })
    .default([]),
  /** info: one line per request and delivery; quiet: errors only; debug: also control-API polling. */
  EMULATOR_LOG: z.enum(["info", "quiet", "debug"]).default("info"),
});

export type EmulatorConfig = {
  port: number;
  host: string;
  /** null = in memory only (`memory`). */
  stateFile: string | null;
  apiKey: string;
  signingSecret: string;
  balanceMinor: number;
  rateLimit: number;
  timeScale: number;
  voicemailSeconds: number;
  publicUrl: string | undefined;
  /** Host names (besides loopback and the public URL's) that requests may carry. */
  allowedHosts: HostRule[];
  dialInNumber: string;
  callerIdNumber: string;
  log: "info" | "quiet" | "debug";
};

export function loadConfig(source: Record<string, string | undefined> = process.env): EmulatorConfig {
  const parsed = configSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("EMULATOR_") && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid emulator configuration:\n${lines}`);
  }
  const c = parsed.data;
  if (c.EMULATOR_DIALIN_NUMBER === c.EMULATOR_CALLERID_NUMBER)
    throw new Error("Invalid emulator configuration: EMULATOR_DIALIN_NUMBER and EMULATOR_CALLERID_NUMBER must differ");
  return {
    port: c.EMULATOR_PORT,
    host: c.EMULATOR_HOST,
    stateFile: c.EMULATOR_STATE_FILE === "memory" ? null : c.EMULATOR_STATE_FILE,
    apiKey: c.EMULATOR_API_KEY,
    signingSecret: c.EMULATOR_SIGNING_SECRET,
    balanceMinor: c.EMULATOR_BALANCE_MINOR,
    rateLimit: c.EMULATOR_RATE_LIMIT,
    timeScale: c.EMULATOR_TIME_SCALE,
    voicemailSeconds: c.EMULATOR_VOICEMAIL_SECONDS,
    publicUrl: c.EMULATOR_PUBLIC_URL?.replace(/\/+$/, ""),
    allowedHosts: c.EMULATOR_ALLOWED_HOSTS,
    dialInNumber: c.EMULATOR_DIALIN_NUMBER,
    callerIdNumber: c.EMULATOR_CALLERID_NUMBER,
    log: c.EMULATOR_LOG,
  };
}
