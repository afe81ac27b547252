import { z } from "zod";
import { e164Schema, httpUrlSchema, oneCallbackUrlName, timestampSchema } from "./common";

export const numberSchema = z.object({
  id: z.string(),
  e164: e164Schema,
  country_iso2: z.string(),
  status: z.enum(["active", "suspended", "released"]),
  capabilities: z.array(z.string()),
  monthly_retail_minor: z.number().int(),
  currency: z.string(),
  inbound_per_min_minor: z.number().int(),
  outbound_per_min_minor: z.number().int(),
  claimed_at: timestampSchema,
  voice_callback_url: z.string().nullable(),
  events_url: z.string().nullable(),
});
export type PhoneNumber = z.infer<typeof numberSchema>;

export const listNumbersResponseSchema = z.object({ numbers: z.array(numberSchema) });

/**
 * PATCH/PUT /v1/numbers/{id}/routing. The callback URL has three names in the public docs; the emulator
 * accepts any one of them. `null` clears a field; an absent field is left unchanged.
 */
export const routingRequestSchema = z
  .strictObject({
    voice_callback_url: httpUrlSchema.nullable().optional(),
    voice_url: httpUrlSchema.nullable().optional(),
    routing_url: httpUrlSchema.nullable().optional(),
    events_url: httpUrlSchema.nullable().optional(),
    voice_signing_secret: z.string().min(16, "use at least 16 characters").max(256).optional(),
  })
  .superRefine(oneCallbackUrlName("voice_callback_url", "voice_url", "routing_url"))
  .transform((v) => ({
    voice_callback_url: v.voice_callback_url ?? v.voice_url ?? v.routing_url,
    events_url: v.events_url,
    voice_signing_secret: v.voice_signing_secret,
  }));
export type RoutingInput = z.input<typeof routingRequestSchema>;
export type RoutingRequest = z.output<typeof routingRequestSchema>;

/** The routing response: the number, with `has_signing_secret` instead of the secret itself. */
export const routingResponseSchema = z.object({
  number: numberSchema.extend({ has_signing_secret: z.boolean() }),
});
