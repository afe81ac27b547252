import type { Emulator } from "../context";
import { apiError, type Reply, type RequestCtx } from "../http/respond";
import type { Handler, Router } from "../http/router";
import type { LiveCall, Workspace } from "../state/types";

// How the /v1 route modules register: `authed` routes need the API key (and honour Idempotency-Key,
// see http/server.ts), `onCall` routes also resolve `:id` to one of the workspace's calls, `open`
// routes need neither. One place for that, so a module states only what its routes do.

export type AuthedHandler = (ctx: RequestCtx, ws: Workspace) => Promise<Reply> | Reply;
export type CallHandler = (ctx: RequestCtx, call: LiveCall, ws: Workspace) => Promise<Reply> | Reply;

export class ApiRoutes {
  constructor(
    readonly em: Emulator,
    private readonly router: Router,
    private readonly withWorkspace: (handler: AuthedHandler) => Handler,
  ) {}

  /** A handler that runs as the workspace whose API key came with the request. */
  authedHandler(handler: AuthedHandler): Handler {
    return this.withWorkspace(handler);
  }

  authed(method: string, path: string, handler: AuthedHandler): void {
    this.router.add(method, path, this.withWorkspace(handler));
  }

  /** `path` has an `:id`: the caller's call of that id, or calls.not_found. */
  onCall(method: string, path: string, handler: CallHandler): void {
    this.authed(method, path, (ctx, ws) => handler(ctx, findCall(this.em, ws, ctx.params.id!), ws));
  }

  open(method: string, path: string, handler: Handler): void {
    this.router.add(method, path, handler);
  }
}

export function findCall(em: Emulator, ws: Workspace, id: string): LiveCall {
  const call = em.store.callById(ws.id, id);
  if (!call) throw apiError("calls.not_found", `No call ${id} in this workspace.`);
  return call;
}
