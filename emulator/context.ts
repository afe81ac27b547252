import type { EmulatorConfig } from "./config";
import type { FaultState } from "./api/faults";
import type { IdempotencyStore } from "./api/idempotency";
import type { RateLimiter } from "./api/rate-limit";
import type { RequestLog } from "./api/request-log";
import type { Deliverer } from "./delivery/deliverer";
import type { CallEngine } from "./engine/calls";
import type { ConferenceEngine } from "./engine/conference";
import type { Recordings } from "./engine/recordings";
import type { SupervisionEngine } from "./engine/supervision";
import type { Store } from "./state/store";

/** Everything a handler or engine needs, wired once in main.ts. */
export type Emulator = {
  config: EmulatorConfig;
  store: Store;
  faults: FaultState;
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
  deliverer: Deliverer;
  calls: CallEngine;
  conferences: ConferenceEngine;
  recordings: Recordings;
  supervision: SupervisionEngine;
  requestLog: RequestLog;
  /** Scales retry waits, ring timeouts and prompt pacing (never call durations or billing). */
  scaled(ms: number): number;
  publicUrl(): string;
};
