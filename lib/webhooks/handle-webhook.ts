import "server-only";
import {
  cachedWebhookSecret,
  readWebhookSecret,
  SECRET_RECHECK_MS,
  type WebhookSecret,
} from "@/lib/sautikit/connection";
import { dispatchEvent, dispatchVoice, type Outcome } from "@/lib/webhooks/dispatch";
import type { WebhookRoute } from "@/lib/webhooks/handlers";
import { parseBody } from "@/lib/webhooks/parse-body";
import { recordDelivery } from "@/lib/webhooks/record-delivery";
import { verifySignature } from "@/lib/webhooks/verify-signature";
import {
  jsonAnswer,
  type WebhookAnswer,
  type WebhookRequest,
  webhookResponse,
  webWebhookRequest,
} from "@/lib/webhooks/webhook-io";

// The one pipeline every Sautikit webhook goes through (docs/architecture.md, "A webhook, end to end"): cheap rejects → raw body, read
// once → HMAC over the raw bytes → parse (JSON or form) → zod → for events, a durable dedupe
// insert → the handler → 2xx. Every request, whatever its fate, leaves one row in the delivery log.

/** Sautikit's bodies are a few hundred bytes; anything this large is not Sautikit. */
export const MAX_BODY_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route file's POST: the pipeline over a web Request, answered as a web Response. */
export async function handleWebhookRequest(
  req: Request,
  params: Promise<{ workspaceId: string }>,
  route: WebhookRoute,
): Promise<Response> {
  const { workspaceId } = await params;
  return webhookResponse(await handleWebhook(webWebhookRequest(req), workspaceId, route));
}

/** The pipeline itself, on the transport-neutral request and answer of lib/webhooks/webhook-io.ts. */
export async function handleWebhook(
  req: WebhookRequest,
  workspaceId: string,
  route: WebhookRoute,
): Promise<WebhookAnswer> {
  const started = performance.now();
  const deliveryId = req.header("x-sautikit-idempotency-key") ?? undefined;
  // Kind and event id come from the verified body only (never X-Sautikit-Event-* headers, which the
  // signature does not cover): a request refused before that is logged without them.

  const finish = (o: Outcome, knownWorkspace: boolean): WebhookAnswer => {
    recordDelivery({
      workspaceId: knownWorkspace ? workspaceId : null,
      route,
      kind: o.kind ?? null,
      eventId: o.eventId ?? null,
      verdict: o.verdict,
      statusCode: o.response.status,
      latencyMs: performance.now() - started,
      error: o.error,
      deliveryId,
    });
    return o.response;
  };
  const reject = (status: number, verdict: Outcome["verdict"], error: string, known = true) =>
    finish({ verdict, error, response: errorAnswer(status, error) }, known);

  if (!UUID.test(workspaceId))
    return reject(404, "unknown_workspace", `unknown workspace ${workspaceId.slice(0, 60)}`, false);
  // One indexed lookup before anything else so every rejection is attributed to a real workspace
  // (the admin's log shows forged requests too); the body is not read until the headers pass.
  // Nearly always a synchronous cache hit: no promise to wait on before the body.
  let secret: WebhookSecret | undefined = cachedWebhookSecret(workspaceId);
  if (!secret) {
    try {
      secret = await readWebhookSecret(workspaceId);
    } catch {
      return reject(503, "failed", "could not load the workspace's signing secret", false);
    }
  }
  if (!secret.secret) return reject(404, "unknown_workspace", `unknown or unconnected workspace ${workspaceId}`, false);
  const signature = req.header("x-sautikit-signature");
  if (!signature) return reject(401, "rejected_signature", "signature missing");
  // Capped like every body (lib/http/read-body.ts): a declared length over the cap is refused
  // unread, a chunked one is dropped the moment it passes it.
  // Nearly always already at hand (see WebhookRequest): awaited only when it is still arriving.
  const reading = req.readBody(MAX_BODY_BYTES);
  const capped = reading instanceof Promise ? await reading : reading;
  // A sender that gave up (Sautikit waits 10 s) leaves a cut-off body: that is a failed delivery,
  // which Sautikit retries, not a forged one.
  if (!capped.ok && capped.reason === "aborted")
    return reject(499, "failed", "the sender disconnected before the body was read");
  if (!capped.ok) return reject(413, "invalid", `body too large: webhooks are at most ${MAX_BODY_BYTES / 1024} KB`);
  const raw = capped.bytes;
  let check = verifySignature({ header: signature, rawBody: raw, secrets: [secret.secret] });
  if (!check.ok && check.reason === "mismatch" && secret.cached && Date.now() - secret.fetchedAt >= SECRET_RECHECK_MS) {
    // The secret may have been rotated by another instance since it was cached: read it once more.
    const fresh = await readWebhookSecret(workspaceId, { maxAgeMs: 0 }).catch(() => null);
    if (fresh?.secret && fresh.secret !== secret.secret)
      check = verifySignature({ header: signature, rawBody: raw, secrets: [fresh.secret] });
  }
  if (!check.ok) return reject(401, "rejected_signature", `signature ${check.reason}`);

  // Invalid UTF-8 reads as U+FFFD; the bytes themselves are what the event store keeps.
  // (A view over the same bytes: the body is not copied to be decoded.)
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8");
  const contentType = req.header("content-type");
  const body = parseBody(text, contentType);
  const ctx = { workspaceId, route, receivedAt: new Date(), deliveryId };
  if (route === "voice/outbound" || route === "voice/inbound") return finish(await dispatchVoice(ctx, body), true);
  if (!body) return reject(400, "invalid", "body is neither JSON nor form-encoded");
  return finish(
    await dispatchEvent(ctx, body.fields, { bytes: raw, text, contentType, signedAt: check.signedAt }),
    true,
  );
}

export function errorAnswer(status: number, message: string): WebhookAnswer {
  return jsonAnswer({ error: { message } }, status);
}
