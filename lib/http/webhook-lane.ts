import "server-only";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
import { stopJobWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/log";
import { errorAnswer, handleWebhook } from "@/lib/webhooks/handle-webhook";
import type { WebhookRoute } from "@/lib/webhooks/handlers";
import { JSON_ANSWER_HEADERS, type WebhookAnswer, type WebhookRequest } from "@/lib/webhooks/webhook-io";

/**
 * What the production server (scripts/lib/production-server.ts) calls for Sautikit's webhooks
 * instead of going through Next's router (ADR 0008). It is built here, inside Next's compiled
 * module graph, and handed over on globalThis, so the server never loads a second copy of the app
 * (a second Prisma client, a second embedded database handle).
 */
export type WebhookLane = {
  handle(req: WebhookRequest, workspaceId: string, route: WebhookRoute): Promise<WebhookAnswer>;
  /** Stops this process's job worker and closes the database (the embedded one flushes and unlocks). */
  close(): Promise<void>;
};

export const WEBHOOK_LANE_GLOBAL = "__mkutanoWebhookLane";

export function installWebhookLane(): void {
  // The lane skips Next, so next.config.mjs's headers do not reach its answers: add the same set.
  // Lower-case names, so they replace rather than repeat an answer's own header of that name.
  const security = Object.fromEntries(
    Object.entries(apiSecurityHeaders(new URL(env().APP_BASE_URL).protocol === "https:")).map(([k, v]) => [
      k.toLowerCase(),
      v,
    ]),
  );
  // Nearly every answer carries the shared JSON headers: their secured set is built once.
  const securedJson = Object.freeze({ ...JSON_ANSWER_HEADERS, ...security });
  const secured = (answer: WebhookAnswer): WebhookAnswer => ({
    status: answer.status,
    headers: answer.headers === JSON_ANSWER_HEADERS ? securedJson : { ...answer.headers, ...security },
    body: answer.body,
  });
  const lane: WebhookLane = {
    // One `.then` rather than an async wrapper around the pipeline: a promise fewer per webhook.
    handle: (req, workspaceId, route) =>
      handleWebhook(req, workspaceId, route).then(secured, (err: unknown) => {
        // A 5xx makes Sautikit retry; the details stay in our log, never in the response.
        log.error({ err, route, workspaceId }, "webhook failed");
        return secured(errorAnswer(500, "internal error"));
      }),
    async close() {
      await stopJobWorker();
      await disconnectDb();
    },
  };
  (globalThis as Record<string, unknown>)[WEBHOOK_LANE_GLOBAL] = lane;
}
