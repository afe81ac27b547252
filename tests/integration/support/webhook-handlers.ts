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
