import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

// One row per webhook request, whatever happened to it, for the admin's webhook log.

export type Verdict = "accepted" | "duplicate" | "rejected_signature" | "invalid" | "unknown_workspace" | "failed";

export type DeliveryRecord = {
  workspaceId: string | null;
  route: string;
  kind?: string | null;
  eventId?: string | null;
  verdict: Verdict;
  statusCode: number;
  latencyMs: number;
  error?: string | null;
  deliveryId?: string | null;
};

export async function recordDelivery(r: DeliveryRecord): Promise<void> {
  const line = { ...r, error: r.error ?? undefined };
  if (r.verdict === "accepted" || r.verdict === "duplicate") log.info(line, "webhook");
  else log.warn(line, "webhook not applied");
  try {
    await db.webhookDelivery.create({
      data: {
        workspaceId: r.workspaceId,
        route: r.route,
        kind: r.kind?.slice(0, 100) ?? null,
        eventId: r.eventId?.slice(0, 200) ?? null,
        verdict: r.verdict,
        statusCode: r.statusCode,
        latencyMs: Math.max(0, Math.round(r.latencyMs)),
        error: r.error?.slice(0, 1000) ?? null,
        deliveryId: r.deliveryId?.slice(0, 200) ?? null,
      },
    });
  } catch (err) {
    // The log is for people; losing one row must not turn an applied event into a retry storm.
    log.error({ err, route: r.route }, "could not record the webhook delivery");
  }
}
