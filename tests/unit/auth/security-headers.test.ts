import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  HSTS_VALUE,
  STATIC_SECURITY_HEADERS,
  apiSecurityHeaders,
  newNonce,
  pageSecurityHeaders,
} from "@/lib/http/security-headers";

// The pure part of the security headers; the browser-level proof (pages load and hydrate with no
// violations, nothing can be framed) is tests/e2e/security-headers.spec.ts.
describe("security headers", () => {
  it("next.config.mjs sends exactly the static headers and the API policy defined in lib/http/security-headers.ts", async () => {
    // A plain JS module with no types: imported by a computed name so TypeScript leaves it be.
    const config = "../../../next.config.mjs";
    const { default: nextConfig } = (await import(config)) as {
      default: { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    };
    const rules = await nextConfig.headers();
    const bySource = Object.fromEntries(
      rules.map((r) => [r.source, Object.fromEntries(r.headers.map((h) => [h.key, h.value]))]),
    );
    expect(bySource["/:path*"]).toEqual(STATIC_SECURITY_HEADERS);
    expect(bySource["/api/:path*"]).toEqual({ "Content-Security-Policy": API_CONTENT_SECURITY_POLICY });
  });

  it("HSTS and upgrade-insecure-requests only when the app is served over https", () => {
    const http = pageSecurityHeaders({ nonce: "n", dev: false, https: false });
    const https = pageSecurityHeaders({ nonce: "n", dev: false, https: true });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    expect(https["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(apiSecurityHeaders(true)["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(apiSecurityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
  });

  it("'unsafe-eval' (React's dev overlay) only in development; frames never", () => {
    const prod = pageSecurityHeaders({ nonce: "abc", dev: false, https: false })["Content-Security-Policy"]!;
    const dev = pageSecurityHeaders({ nonce: "abc", dev: true, https: false })["Content-Security-Policy"]!;
    expect(prod).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(prod).not.toContain("unsafe-eval");
    expect(dev).toContain("'unsafe-eval'");
    for (const csp of [prod, dev]) expect(csp).toContain("frame-ancestors 'none'");
  });

  it("nonces are fresh and unguessable", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
