// Byte ranges and file names for recording playback: the parsing and slicing the proxy relies on.
import { describe, expect, it } from "vitest";
import { contentDisposition, safeFileStem } from "@/lib/http/content-disposition";
import { parseContentRange, parseRangeHeader, resolveRange, sliceStream } from "@/lib/recordings/byte-range";
import { shapeAnswer } from "@/lib/recordings/stream-recording";

describe("Range header", () => {
  it.each([
    ["bytes=0-", { first: 0 }],
    ["bytes=0-99", { first: 0, last: 99 }],
    ["bytes=100-", { first: 100 }],
    ["bytes=-500", { suffix: 500 }],
    ["bytes=5-5", { first: 5, last: 5 }],
  ])("%s", (h, spec) => expect(parseRangeHeader(h)).toEqual(spec));

  it.each([
    null,
    "",
    "bytes=",
    "bytes=-",
    "bytes=9-3",
    "bytes=0-1,5-6",
    "items=0-1",
    "bytes=a-b",
    "bytes=1234567890123456-",
  ])("ignores %s (serve the whole file)", (h) => expect(parseRangeHeader(h)).toBeNull());

  it("resolves against the length, or is unsatisfiable", () => {
    expect(resolveRange({ first: 0, last: 99 }, 1000)).toEqual({ start: 0, end: 99 });
    expect(resolveRange({ first: 900, last: 5000 }, 1000)).toEqual({ start: 900, end: 999 });
    expect(resolveRange({ first: 10 }, 1000)).toEqual({ start: 10, end: 999 });
    expect(resolveRange({ suffix: 100 }, 1000)).toEqual({ start: 900, end: 999 });
    expect(resolveRange({ suffix: 5000 }, 1000)).toEqual({ start: 0, end: 999 });
    expect(resolveRange({ first: 1000 }, 1000)).toBe("unsatisfiable");
    expect(resolveRange({ suffix: 0 }, 1000)).toBe("unsatisfiable");
    expect(resolveRange({ first: 0 }, 0)).toBe("unsatisfiable");
  });

  it("reads Content-Range only when consistent", () => {
    expect(parseContentRange("bytes 0-99/1000")).toEqual({ start: 0, end: 99, total: 1000 });
    expect(parseContentRange("bytes 0-99/*")).toEqual({ start: 0, end: 99, total: undefined });
    expect(parseContentRange("bytes 10-5/1000")).toBeNull();
    expect(parseContentRange("bytes 0-1000/1000")).toBeNull();
    expect(parseContentRange("bytes */1000")).toBeNull();
  });
});

describe("the file host's answer", () => {
  const host = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

  it("a host that ignores Range (200 with a length): the range is cut here", () => {
    const whole = host(200, { "content-length": "1000" });
    expect(shapeAnswer(whole, { first: 10, last: 19 })).toEqual({
      kind: "partial",
      total: 1000,
      start: 10,
      length: 10,
      skip: 10,
    });
    expect(shapeAnswer(whole, { suffix: 100 })).toMatchObject({ kind: "partial", start: 900, length: 100, skip: 900 });
    expect(shapeAnswer(whole, { first: 1000 })).toEqual({ kind: "unsatisfiable", total: 1000 });
    expect(shapeAnswer(host(200), { first: 10 })).toMatchObject({ kind: "whole", skip: 0 });
  });

  it("a host that honours Range: its 206 passes on only when it describes the range asked for", () => {
    const partial = host(206, { "content-length": "10", "content-range": "bytes 10-19/1000" });
    expect(shapeAnswer(partial, { first: 10, last: 19 })).toEqual({
      kind: "partial",
      total: 1000,
      start: 10,
      length: 10,
      skip: 0,
    });
    const inconsistent = host(206, { "content-length": "11", "content-range": "bytes 10-19/1000" });
    expect(() => shapeAnswer(inconsistent, { first: 10, last: 19 })).toThrow();
    expect(() => shapeAnswer(partial, null)).toThrow();
    expect(shapeAnswer(host(416, { "content-range": "bytes */1000" }), { first: 5000 })).toEqual({
      kind: "unsatisfiable",
      total: 1000,
    });
  });
});

describe("sliceStream", () => {
  const source = (chunks: number[][]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(Uint8Array.from(ch));
        c.close();
      },
    });
  const read = async (s: ReadableStream<Uint8Array>) => [...new Uint8Array(await new Response(s).arrayBuffer())];

  it("skips and takes across chunk boundaries", async () => {
    const chunks = [[0, 1, 2], [3, 4], [5, 6, 7, 8], [9]];
    expect(await read(sliceStream(source(chunks), 2, 5))).toEqual([2, 3, 4, 5, 6]);
    expect(await read(sliceStream(source(chunks), 0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await read(sliceStream(source(chunks), 9, 1))).toEqual([9]);
  });

  it("errors when the body is shorter than promised", async () => {
    await expect(read(sliceStream(source([[0, 1]]), 0, 5))).rejects.toThrow(/ended 3 bytes early/);
  });

  it("cancels the upstream once it has what it needs, and when the client goes away", async () => {
    let cancelled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull: (c) => c.enqueue(new Uint8Array(1024)),
        cancel: () => void cancelled++,
      });
    expect((await read(sliceStream(endless(), 100, 2000))).length).toBe(2000);
    const s = sliceStream(endless(), 0, 10_000_000);
    const reader = s.getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(2);
  });
});

describe("Content-Disposition", () => {
  it("keeps the name readable and cannot be broken out of", () => {
    expect(safeFileStem('Board "sync"; filename=x.html\r\nX: y', "meeting")).toBe("Board-sync-filenamex.htmlX-y");
    expect(safeFileStem("../../etc/passwd", "meeting")).toBe("etcpasswd");
    expect(safeFileStem("<>", "meeting")).toBe("meeting");
    expect(safeFileStem("Mkutano wa Bodi — Ijumaa", "meeting")).toBe("Mkutano-wa-Bodi-Ijumaa");
    expect(contentDisposition("attachment", "Kikao-cha-Nairobi-2026-12-03.wav")).toBe(
      "attachment; filename=\"Kikao-cha-Nairobi-2026-12-03.wav\"; filename*=UTF-8''Kikao-cha-Nairobi-2026-12-03.wav",
    );
    expect(contentDisposition("inline", "Café-会议-2026.wav")).toBe(
      "inline; filename=\"Cafe-_-2026.wav\"; filename*=UTF-8''Caf%C3%A9-%E4%BC%9A%E8%AE%AE-2026.wav",
    );
  });
});
