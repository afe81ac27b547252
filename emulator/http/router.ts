import { apiError, type Reply, type RequestCtx } from "./respond";

export type Handler = (ctx: RequestCtx) => Promise<Reply> | Reply;
type Route = { method: string; pattern: RegExp; keys: string[]; handler: Handler };

/** Paths like `/v1/calls/:id/hangup`; a param matches one non-empty segment. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const source = path.replace(/:([a-z_][a-z0-9_]*)/g, (_, key: string) => {
      keys.push(key);
      return "([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  /** The handler and params, `"method"` when the path exists under another method, or null. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | "method" | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method && !(method === "HEAD" && route.method === "GET")) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        try {
          params[key] = decodeURIComponent(m[i + 1]!);
        } catch {
          throw apiError("validation.failed", `The path segment "${m[i + 1]}" is not valid percent-encoding.`);
        }
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? "method" : null;
  }
}
