import "server-only";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { createSautikitClient, type SautikitClient } from "@/lib/sautikit/client";
import type { SautikitHttpConfig } from "@/lib/sautikit/http";

// A workspace's Sautikit connection, decrypted only at the moment it is used.

export type ConnectionRow = NonNullable<Awaited<ReturnType<typeof findConnection>>>;

export function findConnection(workspaceId: string) {
  return db.sautikitConnection.findUnique({ where: { workspaceId } });
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

/** The secret that signs this workspace's webhooks, or null when the workspace is not connected. */
export async function getWebhookSecret(workspaceId: string): Promise<string | null> {
  const conn = await db.sautikitConnection.findUnique({ where: { workspaceId }, select: { signingSecretEnc: true } });
  return conn ? decryptSecret(conn.signingSecretEnc) : null;
}

export function notConnected(): AppError {
  return new AppError(
    "SAUTIKIT_NOT_CONNECTED",
    "This workspace is not connected to Sautikit yet. An admin can connect it under Settings → Sautikit.",
  );
}
