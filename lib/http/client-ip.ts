import "server-only";
import { env } from "@/lib/env";

// The client's address, for rate limits and logs. X-Forwarded-For and X-Real-IP are just request
// headers: anyone can send them, so they are believed only when TRUST_PROXY says a reverse proxy
// in front of the app sets them (and overwrites what clients send). Otherwise the address is the
// TCP peer's, which the production server (and the test app server) stamp on every request in
// PEER_ADDRESS_HEADER, after removing any copy a client sent. `next dev` has no such server: there
// the peer is unknown (null) unless TRUST_PROXY is on.

/** Set by scripts/lib/production-server.ts from the socket; never taken from the client. */
export const PEER_ADDRESS_HEADER = "x-mkutano-peer-address";

/**
 * The client address, or null when unknown. Loopback counts as unknown: it means a local client or
 * a proxy that forwards no address, and throttling it would let one person lock everybody out.
 */
export function clientIp(headers: Headers, trustProxy: boolean = env().TRUST_PROXY): string | null {
  let ip: string | null;
  if (trustProxy) {
    // The nearest proxy's hop: the address our own proxy saw (earlier hops are the client's claims).
    const forwarded = headers.get("x-forwarded-for");
    const last = forwarded
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    ip = last || headers.get("x-real-ip")?.trim() || null;
  } else {
    ip = headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
  }
  if (!ip) return null;
  const plain = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  return isLoopback(plain) ? null : plain.slice(0, 64);
}

function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.");
}
