// Request bodies are bounded (lib/http/read-body.ts): 256 KB for JSON and form routes, 64 KB for
// Sautikit's webhooks. Over real sockets: a declared Content-Length over the cap is answered 413
// before the body is sent at all, and a chunked body (no length) is answered 413 as soon as it
// passes the cap — while the client is still holding the request open, which proves the server
// neither waited for nor buffered the rest. Nothing is created either way.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { signPayload } from "@/lib/sautikit/contract/signature";
import { appFixture } from "../support/app-fixture";
import { createPeople, postMeeting, signedIn } from "../reliability/support/http-client";

const app = appFixture();
const lib = app.lib;
/** Workspace A's admin signed in over HTTP, a meeting of theirs, and the workspace's webhook secret. */
const given = app.given(async () => {
  const people = await createPeople(lib.db);
  const admin = await signedIn(app.url, people.adminA);
  const meetingId = await postMeeting(admin, { title: "Limits" });
  const { connectEmulatorWorkspace } = await import("@/lib/sautikit/connect-emulator-workspace");
  await connectEmulatorWorkspace(people.adminA.workspaceId);
  const { readWebhookSecret } = await import("@/lib/sautikit/connection");
  const webhookSecret = (await readWebhookSecret(people.adminA.workspaceId)).secret!;
  return { workspaceId: people.adminA.workspaceId, admin, meetingId, webhookSecret };
}, 120_000);

type Early = { status: number; body: string; sentBytes: number; clientStillSending: boolean };

/**
 * Opens a POST, sends `chunks` (one per turn) and NEVER ends the request: the only way to get an
 * answer is for the server to answer before the body is complete.
 */
function postWithoutEnding(path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<Early> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, app.url);
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { origin: app.url, ...headers } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode!, body, sentBytes: sent, clientStillSending: !req.writableEnded });
        req.destroy();
      });
      res.on("error", reject);
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    req.flushHeaders();
    const pump = (i: number) => {
      if (answered || i >= chunks.length || req.destroyed) return;
      req.write(chunks[i]!, () => setImmediate(() => pump(i + 1)));
      sent += chunks[i]!.byteLength;
    };
    pump(0);
    setTimeout(
      () => reject(new Error(`no answer to ${path} while its body was still open (sent ${sent} bytes)`)),
      15_000,
    ).unref();
  });
}

const cookie = () => ({ cookie: given.admin.cookieHeader() });
const kb = (n: number, fill = 0x61) => Buffer.alloc(n * 1024, fill);

async function expect413(p: Promise<Early>, what: string) {
  const r = await p;
  expect(r.status, `${what}: ${r.body.slice(0, 200)}`).toBe(413);
  expect(r.clientStillSending, `${what}: answered before the request ended`).toBe(true);
  const body = JSON.parse(r.body) as { error: { message: string } };
  expect(body.error.message, what).toMatch(/too large/i);
  return r;
}

describe("bounded request bodies", () => {
  it("a declared Content-Length over 256 KB is refused before any of the body is sent", async () => {
    const before = await lib.db.meeting.count();
    const r = await expect413(
      postWithoutEnding(
        "/api/meetings",
        { ...cookie(), "content-type": "application/json", "content-length": String(10 * 1024 * 1024) },
        [],
      ),
      "declared 10 MB",
    );
    expect(r.sentBytes).toBe(0);
    expect(JSON.parse(r.body)).toMatchObject({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("256 KB") },
    });
    expect(await lib.db.meeting.count()).toBe(before);
  });

  it("a chunked JSON body is cut off at 256 KB, while the client is still sending", async () => {
    const before = await lib.db.participant.count();
    // 1 MB on offer and the request never ends: only a server that stops at the cap can answer.
    await expect413(
      postWithoutEnding(
        `/api/meetings/${given.meetingId}/participants/bulk`,
        { ...cookie(), "content-type": "application/json", "transfer-encoding": "chunked" },
        [Buffer.from('{"text":"'), ...Array.from({ length: 64 }, () => kb(16))],
      ),
      "chunked 1 MB",
    );
    expect(await lib.db.participant.count()).toBe(before);
  });

  it("a body just under the cap is read and judged on its content (422, not 413)", async () => {
    const res = await given.admin.json(`/api/meetings/${given.meetingId}/participants/bulk`, "POST", {
      text: "x".repeat(250 * 1024),
    });
    expect(res.status).toBe(422);
  });

  it("the sign-in form (Auth.js) is bounded too", async () => {
    await expect413(
      postWithoutEnding(
        "/api/auth/callback/credentials",
        { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
        [Buffer.from("email=a%40b.ke&password="), ...Array.from({ length: 64 }, () => kb(16))],
      ),
      "sign-in form",
    );
  });

  it("a signed webhook over 64 KB is refused, declared or chunked, and nothing is stored", async () => {
    const url = `/api/sautikit/${given.workspaceId}/call-events`;
    const signature = await signPayload(given.webhookSecret, "{}", Math.floor(Date.now() / 1000));
    const events = await lib.db.webhookEvent.count();
    await expect413(
      postWithoutEnding(
        url,
        { "x-sautikit-signature": signature, "content-type": "application/json", "content-length": String(65 * 1024) },
        [],
      ),
      "webhook declared",
    );
    await expect413(
      postWithoutEnding(
        url,
        { "x-sautikit-signature": signature, "content-type": "application/json", "transfer-encoding": "chunked" },
        Array.from({ length: 32 }, () => kb(8, 0x20)),
      ),
      "webhook chunked",
    );
    expect(await lib.db.webhookEvent.count()).toBe(events);
  });
});
