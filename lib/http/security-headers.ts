// Response security headers. Pure (no env, no server-only) so proxy.ts, the webhook lane and a unit
// test can all share it; next.config.mjs repeats STATIC_SECURITY_HEADERS for responses Next serves
// without the proxy (API routes, static files), and a unit test keeps the two lists equal.

/** Headers every response gets, whatever it is: they depend on no setting. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Meeting and invite URLs carry ids; other sites learn nothing from a click away.
  "Referrer-Policy": "same-origin",
  // The app never uses the browser's camera, microphone, location…: calls go over the phone network.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), " +
    "display-capture=(), screen-wake-lock=(), xr-spatial-tracking=()",
  // Older browsers that ignore CSP frame-ancestors: no page may be framed (one-click actions).
  "X-Frame-Options": "DENY",
};

/** API responses are data, never documents: nothing loads, nothing frames them. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

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
