// Seeking in a recording, over real HTTP through the app's audio route, against a real WAV the
// emulator recorded: the player learns the length (Content-Length, Accept-Ranges) and gets exactly
// the bytes it asks for (206 + Content-Range), or 416 past the end. The emulator's file server
// answers ranges as object storage does; a host that ignores them is covered by the unit tests of
// shapeAnswer (tests/unit/recordings/byte-range.test.ts).
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { createPeople, signedIn } from "../reliability/support/http-client";
import { liveMeeting, until } from "./support";

const app = appFixture();
const m = app.lib;
/** A recording the emulator made of a live meeting (its id and size), and its admin signed in over HTTP. */
const given = app.given(async () => {
  const { endMeeting } = await import("@/lib/call-control/end-meeting");
  const { adminA: admin } = await createPeople(m.db);
  const ws = { id: admin.workspaceId };
  const conn = await until(
    "the workspace's emulator account",
    async () => (await m.db.sautikitConnection.findUnique({ where: { workspaceId: ws.id } })) ?? undefined,
  );

  const { meeting } = await liveMeeting(m.db, admin, { record: true });
  const callId = await until("the recording leg", async () => {
    const room = (await app.emulator.state()).rooms.find(
      (r) => r.name === meeting.roomName && r.workspace_id === conn.emulatorWorkspace,
    );
    return room?.recording_call_id ?? undefined;
  });
  await endMeeting(admin, meeting.id);
  const row = await until("the recording with its size", async () => {
    const r = await m.db.recording.findUnique({ where: { callId } });
    return r?.sizeBytes ? r : undefined;
  });
  return { recordingId: row.id, size: row.sizeBytes!, browser: await signedIn(app.url, admin) };
}, 90_000);
/** The whole file as the first test downloads it: what every range is compared with. */
let whole: Buffer;

const audio = (headers: Record<string, string> = {}, method = "GET") =>
  given.browser.fetch(`/api/recordings/${given.recordingId}/audio`, { method, headers });

describe("recordings seek", () => {
  it("the whole file comes with its length and an offer of byte ranges", async () => {
    const res = await audio();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("content-length")).toBe(String(given.size));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    whole = Buffer.from(await res.arrayBuffer());
    expect(whole.length).toBe(given.size);
    expect(whole.subarray(0, 4).toString("ascii")).toBe("RIFF");
  });

  it("HEAD tells the length without a body", async () => {
    const res = await audio({}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(given.size));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ["bytes=0-43", 0, 43], // the WAV header, as a player asks first
    ["bytes=0-", 0, -1],
    ["bytes=1000-1999", 1000, 1999],
    ["bytes=-100", -100, -1], // the last 100 bytes
  ])("%s → 206 with exactly those bytes", async (range, from, to) => {
    const start = from < 0 ? given.size + from : from;
    const end = to < 0 ? given.size - 1 : to;
    const res = await audio({ range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${given.size}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(res.headers.get("content-type")).toBe("audio/wav");
    // Buffer.equals: a deep toEqual over 100 KB is needlessly slow.
    expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(start, end + 1))).toBe(true);
  });

  it("a range running past the end is cut to the end", async () => {
    const res = await audio({ range: `bytes=${given.size - 10}-${given.size + 5000}` });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${given.size - 10}-${given.size - 1}/${given.size}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(given.size - 10))).toBe(true);
  });

  it("a range past the end is 416 with the length, said in the reader's language", async () => {
    const res = await audio({ range: `bytes=${given.size}-`, "accept-language": "sw-KE,sw;q=0.9" });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${given.size}`);
    expect(await res.text()).toBe("Sehemu hiyo ya rekodi haipo.");
    const english = await audio({ range: `bytes=${given.size}-`, "accept-language": "en" });
    expect(await english.text()).toBe("That part of the recording does not exist.");
  });

  it("a malformed or multi-part range gets the whole file", async () => {
    for (const range of ["bytes=20-10", "bytes=0-1,5-6", "pages=1-2"]) {
      const res = await audio({ range });
      expect(res.status, range).toBe(200);
      expect(res.headers.get("content-length")).toBe(String(given.size));
      await res.body?.cancel();
    }
  });

  it("only the opening request of a playback is audited, not each seek", async () => {
    const before = await m.db.auditLog.count({ where: { target: given.recordingId, action: "recording.played" } });
    await (await audio({ range: "bytes=0-" })).body?.cancel();
    await (await audio({ range: "bytes=5000-" })).body?.cancel();
    expect(await m.db.auditLog.count({ where: { target: given.recordingId, action: "recording.played" } })).toBe(
      before + 1,
    );
  });
});
