import type { WebhookHandlers } from "@/lib/webhooks/handlers";

/**
 * Stands test handlers in for some of the app's webhook handlers (lib/webhooks/handlers.ts), so a
 * test can drive the pipeline itself; `restore()` puts the app's wiring back.
 */
export async function webhookHandlerStandIns() {
  const { webhookHandlers } = await import("@/lib/webhooks/handlers");
  const originals = { ...webhookHandlers };
  return {
    use(standIns: Partial<WebhookHandlers>): void {
      Object.assign(webhookHandlers, standIns);
    },
    restore(): void {
      Object.assign(webhookHandlers, originals);
    },
    original: originals as Readonly<WebhookHandlers>,
  };
}

/**
 * A workspace with a live Sautikit connection whose webhooks are signed with `secret` (and whose API,
 * at a closed port, is never reached): what the webhook routes need to check a signature. Its id.
 */
export async function webhookWorkspace(
  db: typeof import("@/lib/db").db,
  name: string,
  secret: string,
): Promise<string> {
  const { encryptSecret } = await import("@/lib/crypto");
  const ws = await db.workspace.create({
    data: {
      name,
      connection: {
        create: {
          apiBaseUrl: "http://127.0.0.1:9",
          apiKeyEnc: encryptSecret("sk_x"),
          signingSecretEnc: encryptSecret(secret),
          mode: "live",
        },
      },
    },
  });
  return ws.id;
}
