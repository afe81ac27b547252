import { afterEach, describe, expect, it, vi } from "vitest";
import { groupCommit, groupCommitStats, oneByOne } from "@/lib/db/group-commit";

// The queue starts a batch on a later turn of the event loop. Where a test must know that nothing
// else was waiting to start, a fake clock runs those turns when the test says so
// (`vi.runAllTimersAsync()`), instead of the test sleeping and hoping that was long enough.
const fakeTurns = () => vi.useFakeTimers({ toFake: ["setImmediate", "setTimeout"] });
afterEach(() => void vi.useRealTimers());

describe("groupCommit", () => {
  it("runs what arrives together as one batch, and what arrives during a batch as the next one", async () => {
    fakeTurns();
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gc = groupCommit<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((i) => ({ ok: true as const, value: i * 2 }));
      },
      { name: "unit-a", maxBatch: 100 },
    );
    const first = [1, 2, 3].map((i) => gc.submit(i));
    await vi.runAllTimersAsync();
    // The first batch is still running: these wait and go together.
    const second = [4, 5, 6, 7].map((i) => gc.submit(i));
    await vi.runAllTimersAsync();
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    await vi.runAllTimersAsync();
    expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(groupCommitStats()["unit-a"]).toMatchObject({ batches: 2, items: 7, largest: 4 });
  });

  it("runs up to `concurrency` batches at once", async () => {
    fakeTurns();
    let running = 0;
    let most = 0;
    /** The batches that have started and not yet been let finish. */
    const open: Array<() => void> = [];
    const gc = groupCommit<number, number>(
      async (items) => {
        most = Math.max(most, ++running);
        await new Promise<void>((r) => open.push(r));
        running--;
        return items.map((i) => ({ ok: true as const, value: i }));
      },
      { name: "unit-d", maxBatch: 2, concurrency: () => 2 },
    );
    const all = Promise.all(Array.from({ length: 8 }, (_, i) => gc.submit(i)));
    for (let round = 0; round < 2; round++) {
      await vi.runAllTimersAsync();
      // Two batches are running and, while they do, no third one starts.
      expect(open).toHaveLength(2);
      for (const finish of open.splice(0)) finish();
    }
    await vi.runAllTimersAsync();
    await all;
    expect(most).toBe(2);
    expect(groupCommitStats()["unit-d"]).toMatchObject({ batches: 4, items: 8, largest: 2 });
  });

  it("caps a batch at maxBatch", async () => {
    const sizes: number[] = [];
    const gc = groupCommit<number, number>(
      async (items) => (sizes.push(items.length), items.map((i) => ({ ok: true as const, value: i }))),
      {
        name: "unit-b",
        maxBatch: 4,
      },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => gc.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("gives each item its own outcome, and a thrown batch fails all of its items", async () => {
    let fail = false;
    const gc = groupCommit<number, number>(
      async (items) => {
        if (fail) throw new Error("down");
        return items.map((i) =>
          i === 2 ? { ok: false as const, error: new Error("bad 2") } : { ok: true as const, value: i },
        );
      },
      { name: "unit-c", maxBatch: 10 },
    );
    const r = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    expect(r.map((x) => x.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((r[1] as PromiseRejectedResult).reason.message).toBe("bad 2");
    fail = true;
    const r2 = await Promise.allSettled([4, 5].map((i) => gc.submit(i)));
    expect(r2.map((x) => x.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await gc.submit(6)).toBe(6); // the queue keeps working after a failed batch
  });

  it("oneByOne keeps each item's own result", async () => {
    const out = await oneByOne([1, 2, 3], async (i) => {
      if (i === 2) throw new Error("two");
      return i;
    });
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
  });
});
