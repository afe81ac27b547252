import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http/route";

const ctx = { params: Promise.resolve({ id: "abc" }) };
const call = (handler: Parameters<typeof route>[0], init: RequestInit & { url?: string } = {}) =>
  route(handler)(new Request(init.url ?? "http://127.0.0.1:3000/api/x", init), ctx);

describe("route()", () => {
  it("sends values as JSON with a request id, and params resolved", async () => {
    const res = await call(async (_req, { params, requestId }) => ({ id: params.id, requestId }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; requestId: string };
    expect(body.id).toBe("abc");
    expect(res.headers.get("x-request-id")).toBe(body.requestId);
  });

  it("answers 204 when the handler returns nothing", async () => {
    const res = await call(async () => undefined, { method: "DELETE" });
    expect(res.status).toBe(204);
  });

  it("maps AppError codes to statuses, with Retry-After when given", async () => {
    const notFound = await call(async () => {
      throw new AppError("NOT_FOUND", "meetingNotExist");
    });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({
      error: { code: "NOT_FOUND", message: "That meeting does not exist." },
    });

    const limited = await call(async () => {
      throw new AppError("RATE_LIMITED", "sautikitRateLimited", { retryAfter: 30 });
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
  });

  it("turns invalid JSON and schema failures into 422 with field details", async () => {
    const schema = z.object({ title: z.string().min(1) });
    const bad = await call(async (req) => parseJson(req, schema), { method: "POST", body: "{not json" });
    expect(bad.status).toBe(422);
    const invalid = await call(async (req) => parseJson(req, schema), {
      method: "POST",
      body: JSON.stringify({ title: "" }),
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: { code: "VALIDATION", details: [{ path: "title" }] } });
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const res = await call(async () => {
      throw new Error("connection string postgres://user:secret@db");
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "INTERNAL" } });
  });

  it("refuses cross-site mutations before running the handler", async () => {
    let ran = false;
    const res = await call(
      async () => {
        ran = true;
      },
      { method: "POST", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } },
    );
    expect(res.status).toBe(403);
    expect(ran).toBe(false);
  });

  it("skips the origin check for signed server-to-server callbacks when asked", async () => {
    const res = await route(async () => ({ ok: true }), { crossOrigin: true })(
      new Request("http://127.0.0.1:3000/api/x", { method: "POST", headers: { "sec-fetch-site": "cross-site" } }),
      ctx,
    );
    expect(res.status).toBe(200);
  });
});
