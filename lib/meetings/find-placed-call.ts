import "server-only";
import type { SautikitClient } from "@/lib/sautikit/client";
import type { SautikitCall } from "@/lib/sautikit/responses";

// A dial whose POST may have reached Sautikit (it timed out, or the process died before recording
// the answer) is looked up before it is sent again: the call carries the leg's key as its
// client_request_id (Sautikit keeps it in the call's metadata). The Idempotency-Key would replay the
// same call anyway; this also covers a replay window that has passed or a request body that has
// changed since (409), so the person is never called twice.

const PAGE = 100;
const MAX_PAGES = 3;

export async function findPlacedCall(
  client: SautikitClient,
  leg: { key: string; to: string; since: Date },
): Promise<SautikitCall | null> {
  let cursor: string | undefined;
  // A minute of slack for clock skew between this server and Sautikit.
  const from = new Date(leg.since.getTime() - 60_000).toISOString();
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.calls.list({ direction: "outbound", q: leg.to, from, limit: PAGE, cursor });
    const hit = res.data.find((c) => requestIdOf(c) === leg.key);
    if (hit) return hit;
    cursor = res.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return null;
}

function requestIdOf(call: SautikitCall): string | undefined {
  const meta = call.metadata;
  if (typeof meta === "object" && meta !== null && "client_request_id" in meta) {
    const v = (meta as { client_request_id?: unknown }).client_request_id;
    if (typeof v === "string") return v;
  }
  const top = (call as { client_request_id?: unknown }).client_request_id;
  return typeof top === "string" ? top : undefined;
}
