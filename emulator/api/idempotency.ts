import { createHash } from "node:crypto";
import { IDEMPOTENCY_TTL_SECONDS } from "../../lib/sautikit/contract/constants";
import type { Reply } from "../http/respond";

// Keyed by (workspace, Idempotency-Key); the stored sha256 of the body decides replay (same body)
// or conflict (different body). Only successful answers are stored, so a failed request can be
// retried with the same key.

type Entry = { bodyHash: string; reply: Reply | null; expires: number };

export type IdempotencyCheck =
  | { kind: "new"; complete(reply: Reply): void; abandon(): void }
  | { kind: "replay"; reply: Reply }
  | { kind: "conflict"; inFlight: boolean };

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  check(workspaceId: string, key: string, rawBody: Buffer, now: number = Date.now()): IdempotencyCheck {
    const id = `${workspaceId}\u0000${key}`;
    const bodyHash = createHash("sha256").update(rawBody).digest("hex");
    const existing = this.entries.get(id);
    if (existing && existing.expires > now) {
      if (existing.bodyHash !== bodyHash) return { kind: "conflict", inFlight: false };
      if (!existing.reply) return { kind: "conflict", inFlight: true };
      return { kind: "replay", reply: existing.reply };
    }
    const entry: Entry = { bodyHash, reply: null, expires: now + IDEMPOTENCY_TTL_SECONDS * 1000 };
    this.entries.set(id, entry);
    this.sweep(now);
    return {
      kind: "new",
      complete: (reply) => {
        if (reply.status >= 200 && reply.status < 300) entry.reply = reply;
        else this.entries.delete(id);
      },
      abandon: () => this.entries.delete(id),
    };
  }

  private sweep(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [id, e] of this.entries) if (e.expires <= now) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
