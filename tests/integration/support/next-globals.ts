// Next's request-scoped APIs need AsyncLocalStorage on globalThis before any Next module loads
// (its server installs it at boot); without it cookies()/headers() fall back to a stub that throws.
import { AsyncLocalStorage } from "node:async_hooks";

const g = globalThis as typeof globalThis & { AsyncLocalStorage?: typeof AsyncLocalStorage };
g.AsyncLocalStorage ??= AsyncLocalStorage;
