import {
  CURRENCY,
  INBOUND_RATE_PER_MINUTE_MINOR,
  OUTBOUND_RATE_PER_MINUTE_MINOR,
} from "../../lib/sautikit/contract/constants";
import { conferenceCommandRequestSchema } from "../../lib/sautikit/contract/conference-events";
import { routingRequestSchema } from "../../lib/sautikit/contract/numbers";
import { conferenceNameSchema } from "../../lib/sautikit/contract/voice-actions";
import { apiError, ok, parseJson, parseValue } from "../http/respond";
import type { ApiRoutes } from "./api-routes";
import { numberJson } from "./call-json";

// Numbers and routing, wallet, public pricing, conference commands.

const PRICING_UPDATED_AT = "2026-07-01T00:00:00.000Z";

export function accountRoutes(api: ApiRoutes): void {
  const { em } = api;
  api.authed("GET", "/v1/numbers", (_ctx, ws) => ok({ numbers: ws.numbers.map(numberJson) }));

  const routing = api.authedHandler((ctx, ws) => {
    const number = ws.numbers.find((n) => n.id === ctx.params.id || n.e164 === ctx.params.id);
    if (!number) throw apiError("numbers.not_found", `No number ${ctx.params.id} in this workspace.`);
    const body = parseJson(ctx, routingRequestSchema);
    if (body.voice_callback_url !== undefined) number.voice_callback_url = body.voice_callback_url;
    if (body.events_url !== undefined) number.events_url = body.events_url;
    if (body.voice_signing_secret !== undefined) number.voice_signing_secret = body.voice_signing_secret;
    em.store.persist();
    em.store.changed();
    return ok({ number: { ...numberJson(number), has_signing_secret: true } });
  });
  api.open("PATCH", "/v1/numbers/:id/routing", routing);
  api.open("PUT", "/v1/numbers/:id/routing", routing);

  api.authed("GET", "/v1/wallet/balance", (_ctx, ws) =>
    ok({
      workspace_id: ws.id,
      balance_minor: ws.balance_minor,
      currency: CURRENCY,
      low_balance_threshold_minor: ws.low_balance_threshold_minor,
    }),
  );

  api.open("GET", "/v1/public/pricing", () =>
    ok({
      currency: CURRENCY,
      number_monthly_kes: 100,
      outbound_per_min_kes: OUTBOUND_RATE_PER_MINUTE_MINOR / 100,
      inbound_per_min_kes: INBOUND_RATE_PER_MINUTE_MINOR / 100,
      recording_free_gb: 5,
      updated_at: PRICING_UPDATED_AT,
    }),
  );

  api.authed("POST", "/v1/conferences/:name/commands", (ctx, ws) => {
    const name = parseValue(ctx.params.name, conferenceNameSchema);
    const body = parseJson(ctx, conferenceCommandRequestSchema);
    em.conferences.command(ws.id, name, body.command, body.participant);
    return ok({ conference: name, command: body.command, participant: body.participant, status: "ok" });
  });
}
