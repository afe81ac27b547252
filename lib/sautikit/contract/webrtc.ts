import { z } from "zod";
import { e164Schema } from "./common";

// POST /v1/webrtc/token (SDK 0.2.0). A JSON body is required ({} at least).

export const WEBRTC_TOKEN_TTL_SECONDS = 300;

export const webrtcTokenRequestSchema = z.strictObject({
  client_name: z.string().trim().min(1).max(64).optional(),
  role: z.string().trim().min(1).max(32).optional(),
  tenant_number_id: z.string().min(1).max(64).optional(),
  phone_number: e164Schema.optional(),
});

export const webrtcTokenSchema = z
  .object({
    token: z.string().min(1),
    endpoint: z.string().optional(),
    protocol: z.string().optional(),
    clientName: z.string().optional(),
    sipProfile: z.record(z.string(), z.unknown()).optional(),
    turnServer: z.record(z.string(), z.unknown()).optional(),
    expiresIn: z.number().int().positive().optional(),
  })
  .loose();
export type WebrtcToken = z.infer<typeof webrtcTokenSchema>;
