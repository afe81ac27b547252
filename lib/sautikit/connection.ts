import "server-only";
import { db, onDbWrite } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { createSautikitClient, type SautikitClient } from "@/lib/sautikit/client";
import type { SautikitHttpConfig } from "@/lib/sautikit/http";

// A workspace's Sautikit connection, decrypted only at the moment it is used.

export type ConnectionRow = NonNullable<Awaited<ReturnType<typeof findConnection>>>;

export function findConnection(workspaceId: string) {
  return db.sautikitConnection.findUnique({ where: { workspaceId } });
}

/** The connection when the workspace can place calls (connected, a caller-ID number picked); else what to set up. */
export async function findDialingConnection(workspaceId: string): Promise<ConnectionRow & { callerIdNumber: string }> {
  const conn = await findConnection(workspaceId);
  if (!conn) throw notConnected();
  if (!conn.callerIdNumber) throw new AppError("SAUTIKIT_NOT_CONNECTED", "pickCallerId");
  return { ...conn, callerIdNumber: conn.callerIdNumber };
}

/** A client for the workspace's own Sautikit account; SAUTIKIT_NOT_CONNECTED when it has none. */
export async function getSautikitClient(
  workspaceId: string,
  overrides: Partial<SautikitHttpConfig> = {},
): Promise<SautikitClient> {
  const conn = await findConnection(workspaceId);
  if (!conn) throw notConnected();
  return clientFor(conn, overrides);
}

export function clientFor(conn: ConnectionRow, overrides: Partial<SautikitHttpConfig> = {}): SautikitClient {
  return createSautikitClient({ baseUrl: conn.apiBaseUrl, apiKey: decryptSecret(conn.apiKeyEnc), ...overrides });
}

/**
 * How long a workspace's signing secret is reused without reading it again. Changes made in this
 * process drop the cache at once (lib/db.ts onDbWrite); one made by another instance is seen at the
 * latest after this long — at once for a request signed with the NEW secret (see below).
 */
export const SECRET_TTL_MS = 10_000;
/** A signature that fails against a cached secret re-reads it at most this often (a forged flood stays cheap). */
export const SECRET_RECHECK_MS = 1_000;
const MAX_CACHED = 10_000;

export type WebhookSecret = { secret: string | null; fetchedAt: number; cached: boolean };
/** A cache entry is handed out as it is (frozen): a hit allocates nothing. */
type CachedSecret = Readonly<{ secret: string; fetchedAt: number; cached: true }>;
const cache = new Map<string, CachedSecret>();
let generation = 0;
let hooked = false;

/**
 * The cached secret of this workspace if it is younger than `maxAgeMs`, else undefined — without
 * touching the database and without a promise: the webhook pipeline's usual case (ADR 0024,
 * "fewer promises per request"). A miss means "read it" (readWebhookSecret), not "unknown".
 */
export function cachedWebhookSecret(workspaceId: string, maxAgeMs = SECRET_TTL_MS): WebhookSecret | undefined {
  const hit = cache.get(workspaceId);
  return hit && Date.now() - hit.fetchedAt < maxAgeMs ? hit : undefined;
}

/**
 * The secret that signs this workspace's webhooks (null when the workspace is not connected), read
 * from the database at most every SECRET_TTL_MS (`maxAgeMs: 0` forces a read).
 */
export async function readWebhookSecret(workspaceId: string, opts: { maxAgeMs?: number } = {}): Promise<WebhookSecret> {
  if (!hooked) {
    hooked = true;
    onDbWrite(() => {
      generation++;
      cache.clear();
    });
  }
  const hit = cachedWebhookSecret(workspaceId, opts.maxAgeMs);
  if (hit) return hit;
  const now = Date.now();
  const before = generation;
  const conn = await db.sautikitConnection.findUnique({ where: { workspaceId }, select: { signingSecretEnc: true } });
  const secret = conn ? decryptSecret(conn.signingSecretEnc) : null;
  // Unknown workspaces are not cached (any UUID can be tried); a write that raced this read wins.
  if (secret === null) cache.delete(workspaceId);
  else if (before === generation) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(workspaceId, Object.freeze({ secret, fetchedAt: now, cached: true }));
  }
  return { secret, fetchedAt: now, cached: false };
}

/** The secret that signs this workspace's webhooks, or null when the workspace is not connected. */
export async function getWebhookSecret(workspaceId: string): Promise<string | null> {
  return (await readWebhookSecret(workspaceId)).secret;
}

export function notConnected(): AppError {
  return new AppError("SAUTIKIT_NOT_CONNECTED", "notConnected");
}
