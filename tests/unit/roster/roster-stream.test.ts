// The live roster stream's rules, driven with fake timers: one shared read per meeting, re-checks
// at least every 30 s and before each push, a bounded lifetime ending in `event: reconnect`, a cap
// per user, heartbeats, and clean teardown.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRosterStreams, ROSTER_STREAM, type StreamPrincipal } from "@/lib/roster/roster-stream";

type Snap = { version: string; n: number };

function harness() {
  let version = 1;
  const allowed = new Set<string>();
  const listeners = new Map<string, Set<() => void>>();
  const deps = {
    read: vi.fn(async (_meetingId: string): Promise<Snap> => ({ version: `v${version}`, n: version })),
    authorize: vi.fn(
      async (_meetingId: string, principals: StreamPrincipal[]) =>
        new Set(principals.map((p) => p.sessionId).filter((id) => allowed.has(id))),
    ),
    onChange: vi.fn((meetingId: string, listener: () => void) => {
      const set = listeners.get(meetingId) ?? new Set();
      set.add(listener);
      listeners.set(meetingId, set);
      return () => set.delete(listener);
    }),
    random: () => 0,
  };
  const streams = createRosterStreams<Snap>(deps);
  return {
    deps,
    streams,
    allowed,
    bump: () => void version++,
    change: (meetingId: string) => listeners.get(meetingId)?.forEach((l) => l()),
    listenerCount: (meetingId: string) => listeners.get(meetingId)?.size ?? 0,
  };
}

const decoder = new TextDecoder();
function collect(stream: ReadableStream<Uint8Array>) {
  const out = {
    text: "",
    done: false,
    events: (name: string) => out.text.split("\n\n").filter((f) => f.startsWith(`event: ${name}\n`)).length,
  };
  const reader = stream.getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return void (out.done = true);
      out.text += decoder.decode(value);
    }
  })();
  return out;
}

const who = (n: number, userId = `u${n}`): StreamPrincipal => ({ userId, sessionId: `s${n}`, workspaceId: "w1" });
const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("roster streams", () => {
  it("read the roster once per change for all of a meeting's streams", async () => {
    const h = harness();
    const outs = [1, 2, 3, 4, 5].map((n) => {
      h.allowed.add(`s${n}`);
      return collect(h.streams.open("m1", who(n)));
    });
    await tick();
    // Opening five streams at once costs at most a couple of reads, not five.
    expect(h.deps.read.mock.calls.length).toBeLessThanOrEqual(2);
    expect(outs.every((o) => o.events("roster") === 1)).toBe(true);
    expect(h.listenerCount("m1")).toBe(1);

    h.deps.read.mockClear();
    h.bump();
    h.change("m1");
    h.change("m1");
    await tick();
    expect(h.deps.read.mock.calls.length).toBeLessThanOrEqual(2);
    expect(outs.every((o) => o.events("roster") === 2)).toBe(true);
    // One batched authorization for the push, covering every stream.
    const last = h.deps.authorize.mock.calls.at(-1)!;
    expect(last[1]).toHaveLength(5);

    // The poll is shared too: one read per poll interval, whatever the number of streams.
    h.deps.read.mockClear();
    await tick(ROSTER_STREAM.POLL_MS * 3);
    expect(h.deps.read).toHaveBeenCalledTimes(3);
  });

  it("re-checks before each push and sends nothing to a stream that is no longer allowed", async () => {
    const h = harness();
    h.allowed.add("s1").add("s2");
    const a = collect(h.streams.open("m1", who(1)));
    const b = collect(h.streams.open("m1", who(2)));
    await tick();
    expect(a.events("roster")).toBe(1);

    h.allowed.delete("s2"); // e.g. removed from the workspace a moment ago
    h.bump();
    h.change("m1");
    await tick();
    expect(a.events("roster")).toBe(2);
    expect(b.events("roster")).toBe(1);
    expect(b.events("denied")).toBe(1);
    expect(b.done).toBe(true);
    expect(a.done).toBe(false);
  });

  it("re-checks at least every 30 s even when nothing changes", async () => {
    const h = harness();
    h.allowed.add("s1");
    const a = collect(h.streams.open("m1", who(1)));
    await tick();
    const before = h.deps.authorize.mock.calls.length;
    await tick(ROSTER_STREAM.REAUTH_MS);
    expect(h.deps.authorize.mock.calls.length).toBeGreaterThan(before);
    expect(a.done).toBe(false);

    h.allowed.delete("s1"); // signed out everywhere
    await tick(ROSTER_STREAM.REAUTH_MS);
    expect(a.events("denied")).toBe(1);
    expect(a.done).toBe(true);
    expect(h.listenerCount("m1")).toBe(0);
  });

  it("presents each push per audience, and takes a changed audience from the next check", async () => {
    const read = async (): Promise<Snap> => ({ version: `v${Date.now()}`, n: 7 });
    const audiences = new Map([
      ["s1", ""],
      ["s2", "masked"],
    ]);
    const present = vi.fn((snap: Snap, audience: string) => ({ ...snap, n: audience === "masked" ? -snap.n : snap.n }));
    const listeners = new Set<() => void>();
    const streams = createRosterStreams<Snap>({
      read,
      authorize: async (_m, principals) =>
        new Map(
          principals.filter((p) => audiences.has(p.sessionId)).map((p) => [p.sessionId, audiences.get(p.sessionId)!]),
        ),
      present,
      onChange: (_m, l) => (listeners.add(l), () => listeners.delete(l)),
      random: () => 0,
    });
    const full = collect(streams.open("m1", { ...who(1), audience: "" }));
    const masked = collect(streams.open("m1", { ...who(2), audience: "masked" }));
    const third = collect(streams.open("m1", { ...who(3, "u3"), audience: "masked" }));
    audiences.set("s3", "masked");
    await tick();
    const last = (o: { text: string }) =>
      JSON.parse(
        o.text
          .split("\n\n")
          .filter((f) => f.startsWith("event: roster\n"))
          .at(-1)!
          .split("data: ")[1]!,
      ) as Snap;
    expect(last(full).n).toBe(7);
    expect(last(masked).n).toBe(-7);
    // One presentation per audience per push, however many streams share it.
    present.mockClear();
    await tick(1);
    listeners.forEach((l) => l());
    await tick();
    expect(present.mock.calls.map((c) => c[1]).sort()).toEqual(["", "masked"]);

    // The viewer of s1 loses full numbers (setting or role changed): the next push is masked.
    audiences.set("s1", "masked");
    await tick(1);
    listeners.forEach((l) => l());
    await tick();
    expect(last(full).n).toBe(-7);
    expect(last(third).n).toBe(-7);
  });

  it("fails closed when the check itself fails", async () => {
    const h = harness();
    h.allowed.add("s1");
    const a = collect(h.streams.open("m1", who(1)));
    await tick();
    h.deps.authorize.mockRejectedValueOnce(new Error("database down"));
    await tick(ROSTER_STREAM.REAUTH_MS);
    expect(a.done).toBe(true);
  });

  it("ends a stream after its maximum lifetime with `event: reconnect`", async () => {
    const h = harness();
    h.allowed.add("s1");
    const a = collect(h.streams.open("m1", who(1)));
    await tick(ROSTER_STREAM.MAX_LIFETIME_MS - 1_000);
    expect(a.done).toBe(false);
    await tick(1_000);
    expect(a.events("reconnect")).toBe(1);
    expect(a.done).toBe(true);
    expect(h.streams.counts()).toEqual({});
  });

  it("sends a heartbeat comment every 15 s", async () => {
    const h = harness();
    h.allowed.add("s1");
    const a = collect(h.streams.open("m1", who(1)));
    await tick(ROSTER_STREAM.HEARTBEAT_MS * 2);
    expect(a.text.match(/^: keep-alive$/gm)).toHaveLength(2);
    expect(a.text.startsWith(`retry: ${ROSTER_STREAM.RETRY_MS}\n\n`)).toBe(true);
  });

  it("refuses a user's fifth stream of one meeting with RATE_LIMITED, and allows it once one closes", async () => {
    const h = harness();
    for (let n = 1; n <= 12; n++) h.allowed.add(`s${n}`);
    const controllers = [1, 2, 3, 4].map(() => new AbortController());
    controllers.forEach((c, i) => collect(h.streams.open("m1", { ...who(i + 1, "same-user") }, c.signal)));
    await tick();
    expect(() => h.streams.open("m1", who(9, "same-user"))).toThrow(expect.objectContaining({ code: "RATE_LIMITED" }));
    // Other users and other meetings are not affected.
    collect(h.streams.open("m1", who(10, "someone-else")));
    collect(h.streams.open("m2", who(11, "same-user")));
    controllers[0]!.abort();
    await tick();
    expect(() => collect(h.streams.open("m1", who(12, "same-user")))).not.toThrow();
  });

  it("stops the meeting's timers and bus subscription when its last stream goes", async () => {
    const h = harness();
    h.allowed.add("s1");
    const c = new AbortController();
    const a = collect(h.streams.open("m1", who(1), c.signal));
    await tick();
    c.abort();
    await tick();
    expect(a.done).toBe(true);
    expect(h.listenerCount("m1")).toBe(0);
    h.deps.read.mockClear();
    await tick(ROSTER_STREAM.POLL_MS * 5);
    expect(h.deps.read).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
