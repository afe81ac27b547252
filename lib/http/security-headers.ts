// Response security headers. Pure (no env, no server-only) so proxy.ts, the webhook lane and a unit
// test can all share it; the headers that depend on no setting live in static-security-headers.mjs,
// which next.config.mjs imports too (for responses Next serves without the proxy).
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./static-security-headers.mjs";

export { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS };

/** Two years, the preload list's minimum; sent only when the app is served over https. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export type PageCspOptions = { nonce: string; dev: boolean; https: boolean };

/**
 * The pages' policy. Scripts run only with this response's nonce ('strict-dynamic' lets Next's
 * nonce'd loader add its chunks); Next reads the nonce from the request's CSP header and stamps it
 * on every script and style it renders. `next dev` needs 'unsafe-eval' (React's error overlay) and
 * injects styles by script, so dev styles are allowed inline; production styles need the nonce, and
 * only style *attributes* (React's style prop, e.g. the roster's virtual rows) are allowed inline.
 */
export function pageContentSecurityPolicy({ nonce, dev, https }: PageCspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self'",
    // Same origin only: the roster's event stream and API calls. Dev adds its hot-reload socket.
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce per response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Every header a page response carries. */
export function pageSecurityHeaders(opts: PageCspOptions): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": pageContentSecurityPolicy(opts),
    ...(opts.https ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}

/** Every header a non-page response (API, webhook) carries. */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}
