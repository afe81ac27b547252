import { setSupervisionModeRequestSchema, superviseRequestSchema } from "../../lib/sautikit/contract/supervision";
import type { Emulator } from "../context";
import { ok, parseJson, type Reply, type RequestCtx } from "../http/respond";
import type { Router } from "../http/router";
import type { Workspace } from "../state/types";
import { findCall } from "./calls-routes";

// /v1/calls/{id}/supervision: POST (201, Idempotency-Key replay through `authed`), PATCH mode,
// DELETE (idempotent 204), GET (the live one or null).

type Authed = (ctx: RequestCtx, ws: Workspace) => Promise<Reply> | Reply;

export function supervisionRoutes(
  em: Emulator,
  router: Router,
  authed: (h: Authed) => (ctx: RequestCtx) => Promise<Reply>,
): void {
  const path = "/v1/calls/:id/supervision";

  router.add(
    "POST",
    path,
    authed((ctx, ws) => {
      const call = findCall(em, ws, ctx.params.id!);
      const body = parseJson(ctx, superviseRequestSchema);
      return ok(em.supervision.json(em.supervision.start(call, body)), 201);
    }),
  );

  router.add(
    "PATCH",
    path,
    authed((ctx, ws) => {
      const call = findCall(em, ws, ctx.params.id!);
      const body = parseJson(ctx, setSupervisionModeRequestSchema);
      return ok(em.supervision.json(em.supervision.setMode(call, body.mode)));
    }),
  );

  router.add(
    "DELETE",
    path,
    authed((ctx, ws) => {
      em.supervision.stop(findCall(em, ws, ctx.params.id!));
      return { status: 204 };
    }),
  );

  router.add(
    "GET",
    path,
    authed((ctx, ws) => {
      const s = em.supervision.activeFor(findCall(em, ws, ctx.params.id!).id);
      return ok({ supervision: s ? em.supervision.json(s) : null });
    }),
  );
}
