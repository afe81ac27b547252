import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError } from "@/lib/hooks/api-client";
import { runApiAction } from "@/components/ui/use-api-action";

// The typed client is the browser's only caller of the JSON API: each function must hit the route
// the handler is mounted on, with the method and body that route parses, and turn the app's error
// envelope into an ApiError. fetch is the one thing replaced (there is no server in the unit tier);
// what it answers is a real Response.

type Sent = { url: string; method: string; body: unknown; contentType: string | null };

function answer(response: () => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: init.method ?? "GET",
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
      contentType: new Headers(init.headers).get("content-type"),
    });
    return response();
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe("typed API client", () => {
  it("sends each action to its route with its method and JSON body", async () => {
    const sent = answer(() => Response.json({}));
    await api.meetings.callEveryone("m1");
    await api.meetings.setLocked("m1", true);
    await api.meetings.end("m1");
    await api.meetings.setBudget("m1", null);
    await api.meetings.legCommand("m1", "leg 2", "kick");
    await api.participants.add("m1", { name: "Amina", phone: "0712345678", role: "host" });
    await api.participants.addMany("m1", "Juma, 0722000111");
    await api.participants.dial("m1", "p1");
    await api.participants.listenOnly("m1", "p1");
    await api.recordings.delete("r1");
    await api.admin.setRetention(30);
    await api.meetings.cancel("m1");
    await api.meetings.extend("m1");
    await api.admin.setLimits({ stopGraceMinutes: 10, maxMeetingMinutes: 180 });
    expect(sent).toEqual([
      { url: "/api/meetings/m1/call-everyone", method: "POST", body: undefined, contentType: null },
      { url: "/api/meetings/m1/lock", method: "POST", body: { locked: true }, contentType: "application/json" },
      { url: "/api/meetings/m1/end", method: "POST", body: undefined, contentType: null },
      { url: "/api/meetings/m1/budget", method: "PUT", body: { budgetMinor: null }, contentType: "application/json" },
      // Ids are path segments: anything odd in one cannot reach another route.
      { url: "/api/meetings/m1/legs/leg%202/kick", method: "POST", body: undefined, contentType: null },
      {
        url: "/api/meetings/m1/participants",
        method: "POST",
        body: { name: "Amina", phone: "0712345678", role: "host" },
        contentType: "application/json",
      },
      {
        url: "/api/meetings/m1/participants/bulk",
        method: "POST",
        body: { text: "Juma, 0722000111" },
        contentType: "application/json",
      },
      { url: "/api/meetings/m1/participants/p1/dial", method: "POST", body: undefined, contentType: null },
      { url: "/api/meetings/m1/participants/p1/listen-only", method: "POST", body: undefined, contentType: null },
      { url: "/api/recordings/r1", method: "DELETE", body: undefined, contentType: null },
      { url: "/api/admin/retention", method: "PUT", body: { retentionDays: 30 }, contentType: "application/json" },
      { url: "/api/meetings/m1", method: "DELETE", body: undefined, contentType: null },
      { url: "/api/meetings/m1/extend", method: "POST", body: undefined, contentType: null },
      {
        url: "/api/admin/limits",
        method: "PUT",
        body: { stopGraceMinutes: 10, maxMeetingMinutes: 180 },
        contentType: "application/json",
      },
    ]);
  });

  it("returns the parsed result, and nothing for 204", async () => {
    answer(() => Response.json({ queued: 3, heldBack: false }));
    await expect(api.meetings.callEveryone("m1")).resolves.toEqual({ queued: 3, heldBack: false });
    answer(() => new Response(null, { status: 204 }));
    await expect(api.participants.remove("m1", "p1")).resolves.toBeUndefined();
  });

  it("turns the error envelope into an ApiError with code and field details", async () => {
    answer(() =>
      Response.json(
        {
          error: {
            code: "VALIDATION",
            message: "Check the highlighted fields.",
            details: [{ path: "phone", message: "Not a Kenyan number." }],
          },
        },
        { status: 422 },
      ),
    );
    const err = await api.participants.add("m1", { name: "A", phone: "1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      message: "Check the highlighted fields.",
      status: 422,
      code: "VALIDATION",
      details: [{ path: "phone", message: "Not a Kenyan number." }],
    });
  });

  it("reports a non-JSON failure by its status, and a network failure as unreachable", async () => {
    answer(() => new Response("<html>bad gateway</html>", { status: 502 }));
    await expect(api.meetings.end("m1")).rejects.toMatchObject({ status: 502, message: "Request failed (502)." });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    await expect(api.meetings.end("m1")).rejects.toMatchObject({ status: 0, code: undefined });
  });
});

describe("runApiAction (the busy / try / announce block of useApiAction)", () => {
  function recorder() {
    const log: string[] = [];
    return {
      log,
      effects: {
        setBusy: (key: string | null) => log.push(`busy:${key}`),
        announce: (text: string, tone: "info" | "error" = "info") => log.push(`${tone}:${text}`),
      },
    };
  }

  it("marks the action busy, announces the outcome, runs the follow-up while still busy, then clears", async () => {
    const { log, effects } = recorder();
    const result = await runApiAction(
      "mute",
      async () => {
        log.push("call");
        return { via: "command" as const };
      },
      { done: (r) => `Muting (${r.via})`, then: () => void log.push("then"), failed: "Failed" },
      effects,
    );
    expect(result).toEqual({ via: "command" });
    expect(log).toEqual(["busy:mute", "call", "info:Muting (command)", "then", "busy:null"]);
  });

  it("announces the server's message as an error, and clears busy", async () => {
    const { log, effects } = recorder();
    const result = await runApiAction(
      "kick",
      () => Promise.reject(new ApiError("The call has already ended.", 409, "CONFLICT")),
      { done: () => "Kicking", then: () => void log.push("then"), failed: "Failed" },
      effects,
    );
    expect(result).toBeUndefined();
    expect(log).toEqual(["busy:kick", "error:The call has already ended.", "busy:null"]);
  });

  it("says the translated fallback for an error that is not the server's (never a raw JS message)", async () => {
    const { log, effects } = recorder();
    await runApiAction(
      "dial",
      async () => ({}),
      {
        then: () => {
          throw new TypeError("Cannot read properties of undefined");
        },
        failed: "Hitilafu imetokea.",
      },
      effects,
    );
    expect(log).toEqual(["busy:dial", "error:Hitilafu imetokea.", "busy:null"]);
  });

  it("hands the error to onError instead of announcing it (a field or notice shows it)", async () => {
    const { log, effects } = recorder();
    const seen: unknown[] = [];
    const err = new ApiError("Already a participant.", 409, "CONFLICT");
    await runApiAction(
      "add",
      () => Promise.reject(err),
      { failed: "Failed", onError: (m, e) => seen.push(m, e) },
      effects,
    );
    expect(seen).toEqual(["Already a participant.", err]);
    expect(log).toEqual(["busy:add", "busy:null"]);
  });

  it("stays busy after a success when the page navigates away, but not after a failure", async () => {
    const ok = recorder();
    await runApiAction("save", async () => 1, { failed: "Failed", stayBusy: true }, ok.effects);
    expect(ok.log).toEqual(["busy:save"]);
    const bad = recorder();
    await runApiAction(
      "save",
      () => Promise.reject(new ApiError("No.", 422)),
      { failed: "F", stayBusy: true },
      bad.effects,
    );
    expect(bad.log).toEqual(["busy:save", "error:No.", "busy:null"]);
  });
});
