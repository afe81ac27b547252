import { createHmac, randomUUID } from "node:crypto";
import {
  WEBRTC_TOKEN_TTL_SECONDS,
  webrtcTokenRequestSchema,
  type WebrtcToken,
} from "../../lib/sautikit/contract/webrtc";
import { apiError, ok, parseJson } from "../http/respond";
import type { NumberRecord, Workspace } from "../state/types";
import type { ApiRoutes } from "./api-routes";

// POST /v1/webrtc/token: a well-formed, short-lived HS256 JWT bound to one of the workspace's numbers.
// NOT a working softphone: the endpoint it names is on the reserved `.invalid` domain and nothing
// answers there; it exists so that code minting tokens runs unchanged against the emulator.

const ENDPOINT = "wss://webrtc.emulator.invalid/ws";

export function webrtcRoutes(api: ApiRoutes): void {
  api.authed("POST", "/v1/webrtc/token", (ctx, ws) => {
    if (ctx.rawBody.toString("utf8").trim() === "")
      throw apiError("validation.failed", "Send a JSON body ({} at least).");
    const body = parseJson(ctx, webrtcTokenRequestSchema);
    const number = boundNumber(ws, body.tenant_number_id, body.phone_number);
    const iat = Math.floor(Date.now() / 1000);
    const clientName = body.client_name ?? `client-${randomUUID().slice(0, 8)}`;
    const token = signJwt(
      {
        iss: "sautikit-emulator",
        aud: "webrtc",
        sub: ws.id,
        jti: randomUUID(),
        iat,
        exp: iat + WEBRTC_TOKEN_TTL_SECONDS,
        number_id: number.id,
        e164: number.e164,
        client_name: clientName,
        ...(body.role ? { role: body.role } : {}),
      },
      ws.signing_secret,
    );
    const answer: WebrtcToken = {
      token,
      endpoint: ENDPOINT,
      protocol: "wss",
      clientName,
      expiresIn: WEBRTC_TOKEN_TTL_SECONDS,
    };
    return ok(answer);
  });
}

/** tenant_number_id wins over phone_number (as the SDK documents); neither → the workspace's first active number. */
function boundNumber(ws: Workspace, id: string | undefined, e164: string | undefined): NumberRecord {
  const active = ws.numbers.filter((n) => n.status === "active");
  if (id !== undefined) {
    const n = ws.numbers.find((x) => x.id === id);
    if (!n || n.status !== "active")
      throw apiError("numbers.not_owned", `tenant_number_id ${id} is not an active number of this workspace.`);
    return n;
  }
  if (e164 !== undefined) {
    const n = ws.numbers.find((x) => x.e164 === e164);
    if (!n || n.status !== "active")
      throw apiError("numbers.not_owned", `phone_number ${e164} is not an active number of this workspace.`);
    return n;
  }
  const n = active[0];
  if (!n) throw apiError("numbers.not_owned", "This workspace has no active number to bind the token to.");
  return n;
}

function signJwt(payload: Record<string, unknown>, secret: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const head = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(payload)}`;
  return `${head}.${createHmac("sha256", secret).update(head).digest("base64url")}`;
}
