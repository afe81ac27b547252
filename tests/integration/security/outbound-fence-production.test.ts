// The fence with the app in production mode (SAUTIKIT_API_URL is real Sautikit, so not local
// mode): an admin cannot save a base URL outside SAUTIKIT_ALLOWED_HOSTS, on another port, over
// plain http or on this machine, and a connection that points at this machine (saved before the
// fence existed) is refused at use time without a single byte sent to it. Real HTTP through the
// app's routes, a real database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { issueMessage } from "@/lib/i18n/error-text";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { appFixture, meetingInput } from "../support/app-fixture";
import { createPeople, signedIn } from "../reliability/support/http-client";

const app = appFixture({
  env: {
    SAUTIKIT_API_URL: "https://api.sautikit.com",
    SAUTIKIT_ALLOWED_HOSTS: "api.sautikit.com,eu.sautikit.example",
  },
});
const m = app.lib;
// A service on this machine that answers like the emulator would; `hits` is every request it got.
const hits: string[] = [];
const local = http.createServer((req, res) => {
  hits.push(`${req.method} ${req.url}`);
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ numbers: [] }));
});
let localUrl: string;

beforeAll(async () => {
  await new Promise<void>((r) => local.listen(0, "127.0.0.1", r));
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
});

afterAll(async () => {
  local.closeAllConnections();
  await new Promise<void>((r) => (local.listening ? local.close(() => r()) : r()));
});

/**
 * Workspace A's admin (not in local mode), whose connection, stored before the fence, points at the
 * service on this machine; a recording of theirs; and the admin signed in over HTTP.
 */
const given = app.given(async () => {
  const { isLocalMode } = await import("@/lib/env");
  expect(isLocalMode()).toBe(false);
  const { adminA: admin } = await createPeople(m.db);
  const actor: Actor = admin;
  const { encryptSecret } = await import("@/lib/crypto");
  const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
  const meeting = await scheduleMeeting(
    actor,
    meetingInput({ record: true, waitForHost: false, endOnHostExit: false }),
  );
  // Stored before the fence: a loopback "Sautikit".
  await m.db.sautikitConnection.create({
    data: {
      workspaceId: admin.workspaceId,
      apiBaseUrl: localUrl,
      apiKeyEnc: encryptSecret("sk_live_12345678"),
      signingSecretEnc: encryptSecret("whsec_x"),
      mode: "live",
    },
  });
  const recording = await m.db.recording.create({
    data: { workspaceId: admin.workspaceId, meetingId: meeting.id, callId: "call-1" },
  });
  return { admin, actor, recordingId: recording.id, browser: await signedIn(app.url, admin) };
}, 60_000);

describe("saving a connection outside local mode", () => {
  it.each([
    ["the loopback service", () => localUrl, /only allowed while Mkutano runs against the local emulator/],
    ["localhost by name", () => "http://localhost:5432", /only allowed while Mkutano runs against the local emulator/],
    ["a private address", () => "https://10.0.0.5", /SAUTIKIT_ALLOWED_HOSTS/],
    ["the metadata service", () => "https://169.254.169.254", /SAUTIKIT_ALLOWED_HOSTS/],
    ["another port", () => "https://api.sautikit.com:8443", /standard https port \(443\)/],
    ["plain http", () => "http://api.sautikit.com", /Use https:\/\//],
    [
      "a host not on the list",
      () => "https://sautikit.evil.test",
      /connects only to Sautikit at api\.sautikit\.com, eu\.sautikit\.example/,
    ],
  ])("refuses %s before sending anything, and changes nothing", async (_what, url, why) => {
    const { saveConnection } = await import("@/lib/sautikit/manage-connection");
    const before = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: given.admin.workspaceId } });
    const err = (await saveConnection(given.actor, { apiBaseUrl: url(), apiKey: "sk_live_12345678" }).then(
      () => {
        throw new Error("expected a refusal");
      },
      (e: unknown) => e,
    )) as ZodError;
    expect(err.issues[0]).toMatchObject({ path: ["apiBaseUrl"] });
    expect(issueMessage(err.issues[0]!, "en")).toMatch(why);
    expect(
      await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: given.admin.workspaceId } }),
    ).toEqual(before);
    expect(hits).toEqual([]);
  });
});

describe("a stored connection the fence refuses", () => {
  it("playback is a clear 502 and nothing reaches this machine", async () => {
    const res = await given.browser.fetch(`/api/recordings/${given.recordingId}/audio`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /only allowed while Mkutano runs against the local emulator/,
    );
    expect(hits).toEqual([]);
  });

  it("the connection test says what to fix, and nothing reaches this machine", async () => {
    const { testConnection } = await import("@/lib/sautikit/manage-connection");
    await expect(testConnection(given.actor)).rejects.toMatchObject({
      code: "SAUTIKIT_REJECTED",
      message: expect.stringMatching(/Enter Sautikit's https:\/\/ address/),
    });
    expect(
      (await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: given.admin.workspaceId } })).lastError,
    ).toMatch(/local emulator/);
    expect(hits).toEqual([]);
  });
});
