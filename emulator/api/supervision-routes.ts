import { setSupervisionModeRequestSchema, superviseRequestSchema } from "../../lib/sautikit/contract/supervision";
import { ok, parseJson } from "../http/respond";
import type { ApiRoutes } from "./api-routes";

// /v1/calls/{id}/supervision: POST (201, Idempotency-Key replay through `authed`), PATCH mode,
// DELETE (idempotent 204), GET (the live one or null).

export function supervisionRoutes(api: ApiRoutes): void {
  const { supervision } = api.em;
  const path = "/v1/calls/:id/supervision";

  api.onCall("POST", path, (ctx, call) =>
    ok(supervision.json(supervision.start(call, parseJson(ctx, superviseRequestSchema))), 201),
  );

  api.onCall("PATCH", path, (ctx, call) =>
    ok(supervision.json(supervision.setMode(call, parseJson(ctx, setSupervisionModeRequestSchema).mode))),
  );

  api.onCall("DELETE", path, (_ctx, call) => {
    supervision.stop(call);
    return { status: 204 };
  });

  api.onCall("GET", path, (_ctx, call) => {
    const s = supervision.activeFor(call.id);
    return ok({ supervision: s ? supervision.json(s) : null });
  });
}
