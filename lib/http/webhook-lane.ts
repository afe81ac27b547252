import "server-only";
import { disconnectDb } from "@/lib/db";
import { stopJobWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/log";
import { errorResponse, handleWebhook } from "@/lib/webhooks/handle-webhook";
import type { WebhookRoute } from "@/lib/webhooks/handlers";

/**
 * What the production server (scripts/lib/production-server.ts) calls for Sautikit's webhooks
 * instead of going through Next's router (ADR 0008). It is built here, inside Next's compiled
 * module graph, and handed over on globalThis, so the server never loads a second copy of the app
 * (a second Prisma client, a second embedded database handle).
 */
export type WebhookLane = {
  handle(req: Request, workspaceId: string, route: WebhookRoute): Promise<Response>;
  /** Stops this process's job worker and closes the database (the embedded one flushes and unlocks). */
  close(): Promise<void>;
};

export const WEBHOOK_LANE_GLOBAL = "__mkutanoWebhookLane";

export function installWebhookLane(): void {
  const lane: WebhookLane = {
    async handle(req, workspaceId, route) {
      try {
        return await handleWebhook(req, Promise.resolve({ workspaceId }), route);
      } catch (err) {
        // A 5xx makes Sautikit retry; the details stay in our log, never in the response.
        log.error({ err, route, workspaceId }, "webhook failed");
        return errorResponse(500, "internal error");
      }
    },
    async close() {
      await stopJobWorker();
      await disconnectDb();
    },
  };
  (globalThis as Record<string, unknown>)[WEBHOOK_LANE_GLOBAL] = lane;
}
