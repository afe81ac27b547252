import { z } from "zod";

// The one place the app reads process.env. Defaults make the embedded, emulator-backed mode work
// with no configuration at all; production overrides them.
const DEV_AUTH_SECRET = "dev-only-auth-secret-change-me-0123456789abcdef";
// 32 bytes, base64. Dev only: production must set its own (checked below).
const DEV_ENCRYPTION_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

// A comma-separated list of host names (`*.example.com` for any subdomain). Never an address: the
// fence checks resolved addresses separately, and a private address could never be allowed.
const hostList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((hosts) => hosts.every((h) => HOST_PATTERN.test(h)), {
      message:
        "must be a comma-separated list of host names such as api.sautikit.com or *.example.com (no scheme, port or path)",
    });
const HOST_PATTERN = /^(\*\.)?(?=.*[a-z])([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    DATABASE_URL: z
      .string()
      .default("pglite:./.data/mkutano")
      .refine((v) => v.startsWith("pglite:") || /^postgres(ql)?:\/\//.test(v), {
        message: "must be pglite:<dir>, pglite:memory or postgresql://…",
      }),
    APP_BASE_URL: z.string().url().default("http://127.0.0.1:3000"),
    SAUTIKIT_API_URL: z.string().url().default("http://127.0.0.1:4010"),
    // Outside local mode the only hosts a workspace's Sautikit base URL may name, and the only hosts
    // (besides the API's own) a recording redirect may lead to. See docs/security.md.
    SAUTIKIT_ALLOWED_HOSTS: hostList("api.sautikit.com"),
    SAUTIKIT_RECORDING_HOSTS: hostList("recordings.sautikit.com,storage.sautikit.com"),
    SAUTIKIT_API_KEY: z.string().min(1).default("sk_test_emulator"),
    SAUTIKIT_WEBHOOK_SECRET: z.string().min(1).default("whsec_emulator_local"),
    AUTH_SECRET: z.string().min(32).default(DEV_AUTH_SECRET),
    AUTH_TRUST_HOST: bool,
    // Believe X-Forwarded-For / X-Real-IP (rate limits, logs) only behind a proxy that sets them.
    TRUST_PROXY: bool,
    MKUTANO_ENCRYPTION_KEY: z
      .string()
      .default(DEV_ENCRYPTION_KEY)
      .refine((v) => Buffer.from(v, "base64").length === 32, {
        message: "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
      }),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SMTP_URL: z.string().optional(),
    SMTP_FROM: z.string().default("Mkutano <no-reply@mkutano.local>"),
    // Set by the worker-less processes (migrations, tests) to keep the job loop off.
    MKUTANO_DISABLE_WORKER: bool,
  })
  .superRefine((env, ctx) => {
    if (!isLocalUrl(env.SAUTIKIT_API_URL)) {
      const api = new URL(env.SAUTIKIT_API_URL);
      const host = api.hostname.toLowerCase();
      const allowed = env.SAUTIKIT_ALLOWED_HOSTS.some((p) =>
        p.startsWith("*.") ? host.endsWith(p.slice(1)) : host === p,
      );
      if (api.protocol !== "https:" || (api.port !== "" && api.port !== "443"))
        ctx.addIssue({
          code: "custom",
          path: ["SAUTIKIT_API_URL"],
          message: "must be https:// on the standard port unless it is the local emulator (127.0.0.1 / localhost)",
        });
      else if (!allowed)
        ctx.addIssue({
          code: "custom",
          path: ["SAUTIKIT_API_URL"],
          message: `host ${host} is not on SAUTIKIT_ALLOWED_HOSTS (${env.SAUTIKIT_ALLOWED_HOSTS.join(", ")})`,
        });
    }
    if (env.NODE_ENV === "production" && !isLocalUrl(env.SAUTIKIT_API_URL)) {
      if (env.AUTH_SECRET === DEV_AUTH_SECRET)
        ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "set a real secret in production" });
      if (env.MKUTANO_ENCRYPTION_KEY === DEV_ENCRYPTION_KEY)
        ctx.addIssue({ code: "custom", path: ["MKUTANO_ENCRYPTION_KEY"], message: "set a real key in production" });
    }
  });

// Loopback names only: "local mode" means the emulator on this very machine.
function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Validated configuration, parsed once per process. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** True when the app talks to the bundled emulator rather than real Sautikit. */
export function isLocalMode(): boolean {
  return isLocalUrl(env().SAUTIKIT_API_URL);
}
