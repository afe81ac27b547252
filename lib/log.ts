import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

// Structured logs; secrets and credentials are redacted wherever they appear.
export const log = pino({
  level: env().LOG_LEVEL,
  base: { app: "mkutano" },
  redact: {
    paths: [
      "password",
      "*.password",
      "apiKey",
      "*.apiKey",
      "secret",
      "*.secret",
      "token",
      "*.token",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
    ],
    censor: "[redacted]",
  },
});
