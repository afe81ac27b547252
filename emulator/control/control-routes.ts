import { z } from "zod";
import { e164Schema } from "../../lib/sautikit/contract/common";
import type { Emulator } from "../context";
import { faultsRequestSchema } from "../api/faults";
import { HttpError, ok, parseJson, parseValue, type RequestCtx } from "../http/respond";
import type { Router } from "../http/router";
import { effectiveBehaviour, hear } from "../engine/phones";
import type { Behaviour } from "../state/types";
import { snapshot } from "./snapshot";
import type { StateStream } from "./stream";

// /_emulator/*: scenario controls for tests and the phones console. Never on a faithful path.

const behaviourSchema = z.union([
  z.enum(["auto", "manual", "busy", "no_answer", "fail", "voicemail"]),
  z.strictObject({ hangup_after_seconds: z.number().int().min(0).max(86_400) }),
  z.strictObject({ drop_after_seconds: z.number().int().min(0).max(86_400) }),
]);

/** One keypad key, or null: the phone never presses when a prompt asks for a key. */
const promptKeySchema = z
  .string()
  .regex(/^[0-9*#]$/, "one key from 0-9, * and #")
  .nullable();

function describe(b: Behaviour): string {
  if (typeof b === "string") return b;
  return "drop_after_seconds" in b
    ? `network drop after ${b.drop_after_seconds} s`
    : `hang up after ${b.hangup_after_seconds} s`;
}

const phoneParam = (ctx: RequestCtx) => parseValue(ctx.params.e164, e164Schema);

export function controlRoutes(em: Emulator, router: Router, stream: StateStream): void {
  router.add("GET", "/_emulator/health", () => ok({ ok: true }));
  router.add("GET", "/_emulator/state", () => ok(snapshot(em)));
  router.add("GET", "/_emulator/stream", () => ({ status: 200, stream: (res) => stream.attach(res) }));

  router.add("POST", "/_emulator/workspaces", (ctx) => {
    const body = parseJson(
      ctx,
      z.strictObject({ name: z.string().min(1).max(120).optional(), balance_minor: z.number().int().optional() }),
      { emptyAs: {} },
    );
    const ws = em.store.createWorkspace(body.name, body.balance_minor ?? em.config.balanceMinor);
    return ok(
      {
        workspace_id: ws.id,
        name: ws.name,
        api_key: ws.api_key,
        signing_secret: ws.signing_secret,
        balance_minor: ws.balance_minor,
        numbers: ws.numbers.map((n) => ({ id: n.id, e164: n.e164, role: n.role })),
      },
      201,
    );
  });

  const actions = {
    answer: (e164: string) => em.calls.phoneAnswer(e164),
    decline: (e164: string) => em.calls.phoneDecline(e164),
    hangup: (e164: string) => em.calls.phoneHangup(e164),
    drop: (e164: string) => em.calls.phoneDrop(e164),
  };
  const phoneAction = (action: keyof typeof actions) => (ctx: RequestCtx) => {
    const call = actions[action](phoneParam(ctx));
    return ok({ call_id: call.id, status: call.status });
  };
  router.add("POST", "/_emulator/phones/:e164/answer", phoneAction("answer"));
  router.add("POST", "/_emulator/phones/:e164/decline", phoneAction("decline"));
  router.add("POST", "/_emulator/phones/:e164/hangup", phoneAction("hangup"));
  router.add("POST", "/_emulator/phones/:e164/drop", phoneAction("drop"));

  router.add("POST", "/_emulator/phones/:e164/digits", (ctx) => {
    const e164 = phoneParam(ctx);
    const body = parseJson(
      ctx,
      z.strictObject({ digits: z.string().regex(/^[0-9*#]{1,64}$/, "use 1–64 keys from 0-9, * and #") }),
    );
    const call = em.calls.phoneDigits(e164, body.digits);
    return ok({ call_id: call.id, digits: body.digits });
  });

  router.add("POST", "/_emulator/phones/:e164/dial", (ctx) => {
    const e164 = phoneParam(ctx);
    const body = parseJson(ctx, z.strictObject({ to: e164Schema }));
    const call = em.calls.dialIn(e164, body.to);
    return ok({ call_id: call.id, session_id: call.session_id }, 201);
  });

  router.add("PUT", "/_emulator/phones/:e164/behaviour", (ctx) => {
    const e164 = phoneParam(ctx);
    const body = parseJson(
      ctx,
      z
        .strictObject({ behaviour: behaviourSchema.optional(), prompt_key: promptKeySchema.optional() })
        .refine((b) => b.behaviour !== undefined || b.prompt_key !== undefined, "give behaviour, prompt_key or both"),
    );
    const phone = em.store.phone(e164);
    if (body.behaviour !== undefined) {
      phone.behaviour = body.behaviour as Behaviour;
      hear(phone, "system", `Behaviour set to ${describe(phone.behaviour)}`);
    }
    if (body.prompt_key !== undefined) {
      phone.prompt_key = body.prompt_key;
      hear(
        phone,
        "system",
        phone.prompt_key === null
          ? "Will not press a key when asked"
          : `Presses ${phone.prompt_key} when asked for a key`,
      );
    }
    em.store.changed();
    return ok({ e164, behaviour: effectiveBehaviour(phone), prompt_key: phone.prompt_key });
  });

  router.add("POST", "/_emulator/wallet", (ctx) => {
    const body = parseJson(
      ctx,
      z
        .strictObject({
          workspace_id: z.string().min(1),
          set_minor: z.number().int().optional(),
          topup_minor: z.number().int().positive().optional(),
        })
        .refine(
          (b) => (b.set_minor === undefined) !== (b.topup_minor === undefined),
          "give exactly one of set_minor or topup_minor",
        ),
    );
    const ws = em.store.workspaces.get(body.workspace_id);
    if (!ws) throw new HttpError(404, "workspaces.not_found", `No workspace ${body.workspace_id}.`);
    ws.balance_minor = body.set_minor ?? ws.balance_minor + body.topup_minor!;
    em.store.persist();
    em.store.changed();
    return ok({ workspace_id: ws.id, balance_minor: ws.balance_minor });
  });

  router.add("GET", "/_emulator/faults", () => ok({ faults: em.faults.current, seed: em.faults.seed }));
  router.add("POST", "/_emulator/faults", (ctx) => {
    const faults = em.faults.merge(parseJson(ctx, faultsRequestSchema));
    em.store.changed();
    return ok({ faults, seed: em.faults.seed });
  });
  router.add("DELETE", "/_emulator/faults", () => {
    em.faults.clear();
    em.store.changed();
    return ok({ faults: {}, seed: em.faults.seed });
  });

  router.add("GET", "/_emulator/requests", (ctx) => {
    const p = ctx.url.searchParams;
    const query = parseValue(
      {
        q: p.get("q") ?? undefined,
        method: p.get("method") ?? undefined,
        status: p.get("status") ?? undefined,
        limit: p.get("limit") ?? undefined,
      },
      z.strictObject({
        q: z.string().max(200).optional(),
        method: z
          .string()
          .regex(/^[A-Za-z]{1,10}$/)
          .optional(),
        status: z
          .string()
          .regex(/^([1-5]xx|\d{3})$/i, "use a status code (429) or a class (4xx)")
          .optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional(),
      }),
    );
    return ok({ requests: em.requestLog.list(query) });
  });

  router.add("GET", "/_emulator/deliveries", (ctx) => {
    const eventId = ctx.url.searchParams.get("event_id");
    const kind = ctx.url.searchParams.get("kind");
    const deliveries = [...em.store.deliveries.values()].filter(
      (d) =>
        (!eventId || d.event_id === eventId) &&
        (!kind || d.kind === kind || (kind.endsWith(".*") && d.kind.startsWith(kind.slice(0, -1)))),
    );
    return ok({ deliveries });
  });

  router.add("POST", "/_emulator/reset", (ctx) => {
    const body = parseJson(ctx, z.strictObject({ workspaces: z.boolean().optional() }), { emptyAs: {} });
    em.calls.discardAll();
    em.deliverer.reset();
    em.faults.clear();
    em.rateLimiter.reset();
    em.idempotency.clear();
    em.supervision.reset();
    em.requestLog.clear();
    // The seed stays; its streams restart, so a reset-then-replay makes the same choices.
    em.faults.reseed();
    em.store.reset(body.workspaces === true);
    return ok({ ok: true });
  });
}
