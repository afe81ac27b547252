// Names shared by proxy.ts (edge-safe) and server code.
export const WORKSPACE_COOKIE = "mkutano_ws";
/** Request header proxy.ts sets with the requested path, so pages can build `?next=` on redirect. */
export const PATH_HEADER = "x-mkutano-path";
