import type { Call } from "../../lib/sautikit/contract/calls";
import type { PhoneNumber } from "../../lib/sautikit/contract/numbers";
import {
  CURRENCY,
  INBOUND_RATE_PER_MINUTE_MINOR,
  OUTBOUND_RATE_PER_MINUTE_MINOR,
} from "../../lib/sautikit/contract/constants";
import type { LiveCall, NumberRecord } from "../state/types";

// Output mappers: internal records never leave the emulator as they are (no secrets, no timers).

export function callJson(call: LiveCall): Call {
  return {
    id: call.id,
    workspace_id: call.workspace_id,
    session_id: call.session_id,
    direction: call.direction,
    local_e164: call.local_e164,
    remote_e164: call.remote_e164,
    caller_id: call.caller_id,
    country: call.remote_e164.startsWith("+254") ? "KE" : null,
    started_at: call.started_at,
    answered_at: call.answered_at,
    ended_at: call.ended_at,
    duration_seconds: call.duration_seconds,
    status: call.status,
    cost_minor: call.cost_minor,
    cost_currency: CURRENCY,
    rate_per_minute_minor: call.rate_per_minute_minor,
    failure_code: call.failure_code,
    metadata: call.metadata,
    created_at: call.created_at,
    updated_at: call.updated_at,
    events: call.events,
  };
}

export function numberJson(n: NumberRecord): PhoneNumber {
  return {
    id: n.id,
    e164: n.e164,
    country_iso2: "KE",
    status: n.status,
    capabilities: ["voice"],
    monthly_retail_minor: 10_000,
    currency: CURRENCY,
    inbound_per_min_minor: INBOUND_RATE_PER_MINUTE_MINOR,
    outbound_per_min_minor: OUTBOUND_RATE_PER_MINUTE_MINOR,
    claimed_at: n.claimed_at,
    voice_callback_url: n.voice_callback_url,
    events_url: n.events_url,
  };
}
