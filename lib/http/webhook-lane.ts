import "server-only";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
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
  // The lane skips Next, so next.config.mjs's headers do not reach its answers: add the same set.
  const security = Object.entries(apiSecurityHeaders(new URL(env().APP_BASE_URL).protocol === "https:"));
  const lane: WebhookLane = {
    async handle(req, workspaceId, route) {
      let res: Response;
      try {
        res = await handleWebhook(req, Promise.resolve({ workspaceId }), route);
      } catch (err) {
        // A 5xx makes Sautikit retry; the details stay in our log, never in the response.
        log.error({ err, route, workspaceId }, "webhook failed");
        res = errorResponse(500, "internal error");
      }
      for (const [k, v] of security) res.headers.set(k, v);
      return res;
    },
    async close() {
      await stopJobWorker();
      await disconnectDb();
    },
  };
  (globalThis as Record<string, unknown>)[WEBHOOK_LANE_GLOBAL] = lane;
}
