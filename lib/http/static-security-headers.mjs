// The security headers that depend on no setting, as plain JS: next.config.mjs (which cannot import
// TypeScript) sends them on every response Next serves without the proxy (API routes, static
// files), and lib/http/security-headers.ts builds the proxy's and the webhook lane's headers on them.

/** Headers every response gets, whatever it is. */
export const STATIC_SECURITY_HEADERS = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  // Meeting and invite URLs carry ids; other sites learn nothing from a click away.
  "Referrer-Policy": "same-origin",
  // The app never uses the browser's camera, microphone, location…: calls go over the phone network.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), " +
    "display-capture=(), screen-wake-lock=(), xr-spatial-tracking=()",
  // Older browsers that ignore CSP frame-ancestors: no page may be framed (one-click actions).
  "X-Frame-Options": "DENY",
});

/** API responses are data, never documents: nothing loads, nothing frames them. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
