import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

// Stored in the (encrypted) session JWT at sign-in and compared on every request, so changing or
// resetting a password signs out every existing session without a session table.
export function passwordFingerprint(passwordHash: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(passwordHash).digest("base64url").slice(0, 22);
}
