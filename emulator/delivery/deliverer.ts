import {
  MAX_DELIVERY_ATTEMPTS,
  RETRY_SCHEDULE_SECONDS,
  WEBHOOK_TIMEOUT_MS,
} from "../../lib/sautikit/contract/constants";
import { signPayload } from "../../lib/sautikit/contract/signature";
import type { FaultState } from "../api/faults";
import { logInfo } from "../log";
import type { Store } from "../state/store";
import type { Delivery } from "../state/types";
import { iso, newId } from "../util";

// At-least-once delivery of everything the emulator sends, each attempt signed afresh (docs/sautikit.md §7).
// Events retry on the full-jitter schedule scaled by EMULATOR_TIME_SCALE; voice callbacks are sent
// once (the caller is waiting) but still appear in the delivery log.

export type OutboundRequest = {
  kind: string;
  url: string;
  eventId: string;
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
  secret: string;
  workspaceId: string | null;
};

export type AttemptResult = { ok: boolean; status: number | null; text: string; latencyMs: number; error?: string };

const REORDER_WINDOW_MS = 400;
const MAX_REPLY_BYTES = 256 * 1024;

/** Per-event fault choices, drawn once when the event is queued so they follow the seed. */
type Plan = { duplicate: boolean; dropFirst: boolean };

export class Deliverer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly plans = new WeakMap<Delivery, Plan>();
  private readonly random: () => number;
  private reorderBuffer: (() => Promise<void>)[] = [];
  private epoch = 0;

  constructor(
    private readonly store: Store,
    private readonly faults: FaultState,
    private readonly timeScale: number,
    random?: () => number,
  ) {
    // Retry jitter comes from the seeded fault streams unless a test injects its own.
    this.random = random ?? (() => faults.draw("retry_wait"));
  }

  /** Queues an event; `onDelivered` sees the 2xx reply of the attempt that succeeded. */
  enqueue(req: OutboundRequest, onDelivered?: (result: AttemptResult) => void): Delivery {
    const delivery = this.record(req, MAX_DELIVERY_ATTEMPTS);
    const f = this.faults.current;
    const plan: Plan = {
      duplicate: this.faults.chance("duplicate", f.duplicate_rate),
      dropFirst: this.faults.chance("drop", f.drop_rate),
    };
    this.plans.set(delivery, plan);
    if (plan.duplicate || plan.dropFirst)
      delivery.injected = [
        ...(plan.duplicate ? ["duplicate" as const] : []),
        ...(plan.dropFirst ? ["drop" as const] : []),
      ];
    const epoch = this.epoch;
    const first = () => this.attempt(req, delivery, 0, epoch, onDelivered);
    const delay = this.faults.current.delay_ms ?? 0;
    const release = () => {
      if (!this.faults.current.reorder) return void first();
      this.reorderBuffer.push(first);
      if (this.reorderBuffer.length === 1) this.later(REORDER_WINDOW_MS, () => void this.flushReordered());
    };
    if (delay > 0) this.later(delay, release);
    else release();
    return delivery;
  }

  /** One signed POST whose reply the caller needs now (voice callbacks); never retried. */
  async sendOnce(req: OutboundRequest): Promise<AttemptResult> {
    const delivery = this.record(req, 1);
    const result = await this.post(req);
    this.finishAttempt(req, delivery, result, 0);
    delivery.outcome = result.ok ? "delivered" : "failed";
    this.store.changed();
    return result;
  }

  private record(req: OutboundRequest, maxAttempts: number): Delivery {
    const delivery: Delivery = {
      id: newId(),
      kind: req.kind,
      url: req.url,
      event_id: req.eventId,
      workspace_id: req.workspaceId,
      attempt: 0,
      max_attempts: maxAttempts,
      status_code: null,
      latency_ms: null,
      outcome: "pending",
      next_attempt_at: iso(),
      error: null,
      created_at: iso(),
      history: [],
    };
    this.store.addDelivery(delivery);
    this.store.changed();
    return delivery;
  }

  /** Newest first, one at a time, so the receiver really sees them out of order. */
  private async flushReordered(): Promise<void> {
    const batch = this.reorderBuffer.reverse();
    this.reorderBuffer = [];
    for (const send of batch) await send();
  }

  private async attempt(
    req: OutboundRequest,
    delivery: Delivery,
    waitMs: number,
    epoch: number,
    onDelivered?: (result: AttemptResult) => void,
  ): Promise<void> {
    if (epoch !== this.epoch) return;
    const n = delivery.attempt + 1;
    const plan = this.plans.get(delivery);
    const drop = Math.max(this.faults.current.drop_first ?? 0, plan?.dropFirst ? 1 : 0);
    const result: AttemptResult =
      n <= drop
        ? { ok: false, status: null, text: "", latencyMs: 0, error: "dropped by fault injection" }
        : await this.post(req);
    if (n > drop && (this.faults.current.duplicate || plan?.duplicate))
      void this.post(req).then((copy) => this.logAttempt(req, n, copy, " (duplicate)"));
    this.finishAttempt(req, delivery, result, waitMs);
    if (result.ok) {
      delivery.outcome = "delivered";
      delivery.next_attempt_at = null;
      onDelivered?.(result);
    } else if (n < MAX_DELIVERY_ATTEMPTS) {
      const base = RETRY_SCHEDULE_SECONDS[n]! * 1000 * this.timeScale;
      const wait = this.random() * base;
      delivery.outcome = "pending";
      delivery.next_attempt_at = iso(Date.now() + wait);
      this.later(wait, () => void this.attempt(req, delivery, wait, epoch, onDelivered));
    } else {
      delivery.outcome = "dead_letter";
      delivery.next_attempt_at = null;
      logInfo(`⇢ ${req.kind} ${req.eventId} dead-lettered after ${n} attempts → ${req.url}`);
    }
    this.store.changed();
  }

  private finishAttempt(req: OutboundRequest, delivery: Delivery, result: AttemptResult, waitMs: number): void {
    delivery.attempt += 1;
    delivery.status_code = result.status;
    delivery.latency_ms = result.latencyMs;
    delivery.error = result.error ?? null;
    delivery.next_attempt_at = null;
    delivery.history.push({
      attempt: delivery.attempt,
      at: iso(),
      status_code: result.status,
      latency_ms: result.latencyMs,
      wait_ms: Math.round(waitMs),
      ...(result.error ? { error: result.error } : {}),
    });
    this.logAttempt(req, delivery.attempt, result, "", delivery.max_attempts);
  }

  private logAttempt(
    req: OutboundRequest,
    n: number,
    r: AttemptResult,
    suffix: string,
    max: number = MAX_DELIVERY_ATTEMPTS,
  ): void {
    const status = r.status ?? "—";
    const err = r.error ? ` (${r.error})` : "";
    logInfo(`⇢ ${req.kind} → ${req.url} ${status} ${r.latencyMs}ms attempt ${n}/${max}${err}${suffix}`);
  }

  private async post(req: OutboundRequest): Promise<AttemptResult> {
    const t = Math.floor(Date.now() / 1000);
    const headers = {
      "Content-Type": req.contentType,
      "User-Agent": "Sautikit-Webhooks/1",
      "X-Sautikit-Signature": await signPayload(req.secret, req.body, t),
      "X-Sautikit-Event-Id": req.eventId,
      "X-Sautikit-Event-Kind": req.kind,
      "X-Sautikit-Event": req.kind,
      "X-Sautikit-Idempotency-Key": newId(),
    };
    const started = Date.now();
    try {
      const res = await fetch(req.url, {
        method: "POST",
        headers,
        body: req.body,
        redirect: "manual",
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      const text = (await res.text()).slice(0, MAX_REPLY_BYTES);
      const ok = res.status >= 200 && res.status < 300;
      return {
        ok,
        status: res.status,
        text,
        latencyMs: Date.now() - started,
        ...(ok ? {} : { error: `HTTP ${res.status}` }),
      };
    } catch (error) {
      const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const message = timeout ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : describe(error);
      return { ok: false, status: null, text: "", latencyMs: Date.now() - started, error: message };
    }
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, ms),
    );
    this.timers.add(timer);
  }

  /** Drops every pending attempt (control-API reset). */
  reset(): void {
    this.epoch += 1;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.reorderBuffer = [];
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}
