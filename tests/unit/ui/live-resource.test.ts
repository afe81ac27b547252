import { describe, expect, it } from "vitest";
import { LiveResource } from "@/lib/hooks/live-resource";

type Snap = { v: number };

/** A fetcher whose responses the test releases by hand, in any order. */
function manualFetcher() {
  const pending: { resolve: (s: Snap) => void; reject: (e: Error) => void }[] = [];
  const fetcher = () => new Promise<Snap>((resolve, reject) => pending.push({ resolve, reject }));
  return { fetcher, pending };
}

describe("LiveResource", () => {
  it("starts from the server-rendered value and notifies subscribers of a fetched one", async () => {
    const r = new LiveResource<Snap>(async () => ({ v: 2 }), { v: 1 });
    const seen: number[] = [];
    const off = r.subscribe(() => seen.push(r.get().v));
    expect(r.get()).toEqual({ v: 1 });
    await r.revalidate();
    expect(r.get()).toEqual({ v: 2 });
    off();
    r.set({ v: 3 });
    expect(seen).toEqual([2]);
  });

  it("never lets a slow fetch overwrite a pushed snapshot that arrived after it started", async () => {
    const { fetcher, pending } = manualFetcher();
    const r = new LiveResource<Snap>(fetcher, { v: 1 });
    const poll = r.revalidate();
    r.set({ v: 5 });
    pending[0]!.resolve({ v: 4 });
    await poll;
    expect(r.get()).toEqual({ v: 5 });
  });

  it("applies only the newest of overlapping fetches, whatever order they answer in", async () => {
    const { fetcher, pending } = manualFetcher();
    const r = new LiveResource<Snap>(fetcher, { v: 1 });
    const first = r.revalidate();
    const second = r.revalidate();
    pending[1]!.resolve({ v: 3 });
    await second;
    pending[0]!.resolve({ v: 2 });
    await first;
    expect(r.get()).toEqual({ v: 3 });
  });

  it("keeps the last good value when a fetch fails", async () => {
    const r = new LiveResource<Snap>(async () => {
      throw new Error("offline");
    }, { v: 7 });
    await expect(r.revalidate()).resolves.toBeUndefined();
    expect(r.get()).toEqual({ v: 7 });
  });

  it("skips a background refresh while a fetch runs or within the gap, but not an explicit revalidate", async () => {
    let now = 1_000;
    let calls = 0;
    const { fetcher, pending } = manualFetcher();
    const r = new LiveResource<Snap>(() => (calls++, fetcher()), { v: 1 }, () => now);
    const a = r.refresh(5_000);
    expect(calls).toBe(1);
    void r.refresh(); // one is running
    expect(calls).toBe(1);
    pending[0]!.resolve({ v: 2 });
    await a;
    now += 4_999;
    await r.refresh(5_000); // focus burst inside the gap
    expect(calls).toBe(1);
    const b = r.revalidate(); // after an action: always fetches
    expect(calls).toBe(2);
    pending[1]!.resolve({ v: 3 });
    await b;
    now += 5_000;
    const c = r.refresh(5_000);
    expect(calls).toBe(3);
    pending[2]!.resolve({ v: 4 });
    await c;
    expect(r.get()).toEqual({ v: 4 });
  });
});
