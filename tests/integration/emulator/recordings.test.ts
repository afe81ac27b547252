import { describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/context";
import { byteRange } from "@/emulator/api/recording-routes";
import { Recordings } from "@/emulator/engine/recordings";
import { wavByteLength, wavChunks } from "@/emulator/engine/wav";
import type { LiveCall, Recording } from "@/emulator/state/types";

// In-process checks of the pieces the HTTP tests cannot reach without waiting 15 minutes.

function fakeEmulator(): Emulator {
  const recordings = new Map<string, Recording>();
  return { store: { recordings, changed: () => {} }, publicUrl: () => "http://emu.local" } as unknown as Emulator;
}

describe("presigned recording URLs", () => {
  it("are valid for 15 minutes, then expired; tampering is refused; deleting makes them gone", () => {
    const em = fakeEmulator();
    const recs = new Recordings(em);
    const rec = recs.create({ id: "c1", workspace_id: "w1", recording_id: null } as LiveCall, 5000, []);
    const params = (url: string) => new URL(url).searchParams;
    const fresh = params(recs.presignedUrl(rec));
    expect(recs.check(rec.id, fresh.get("expires"), fresh.get("sig"))).toBe("ok");
    const old = params(recs.presignedUrl(rec, Date.now() - 15 * 60 * 1000 - 2000));
    expect(recs.check(rec.id, old.get("expires"), old.get("sig"))).toBe("expired");
    const stretched = String(Number(old.get("expires")) + 3600);
    expect(recs.check(rec.id, stretched, old.get("sig"))).toBe("forbidden");
    expect(recs.check(rec.id, fresh.get("expires"), null)).toBe("forbidden");
    expect(recs.check("nope", fresh.get("expires"), fresh.get("sig"))).toBe("missing");
    rec.deleted = true;
    expect(recs.check(rec.id, fresh.get("expires"), fresh.get("sig"))).toBe("gone");
  });
});

describe("WAV generation", () => {
  it("writes a header and exactly duration × 8000 samples, with tones where joins and leaves happened", () => {
    const tones = [
      { at_ms: 0, join: true },
      { at_ms: 1500, join: false },
    ];
    const wav = Buffer.concat([...wavChunks(2250, tones)]);
    expect(wav.length).toBe(wavByteLength(2250));
    expect(wav.length).toBe(44 + 2250 * 8 * 2);
    expect(wav.readUInt32LE(40)).toBe(2250 * 16);
    const sample = (ms: number) => wav.readInt16LE(44 + Math.round(ms * 8) * 2);
    const loudBetween = (from: number, to: number) => {
      let max = 0;
      for (let ms = from; ms < to; ms += 0.125) max = Math.max(max, Math.abs(sample(ms)));
      return max;
    };
    expect(loudBetween(0, 200)).toBeGreaterThan(7000);
    expect(loudBetween(300, 1400)).toBe(0);
    expect(loudBetween(1500, 1700)).toBeGreaterThan(7000);
    expect(loudBetween(1800, 2249)).toBe(0);
  });
});

describe("byte ranges on the presigned file", () => {
  it.each([
    ["bytes=0-99", 1000, { start: 0, end: 99 }],
    ["bytes=990-", 1000, { start: 990, end: 999 }],
    ["bytes=900-5000", 1000, { start: 900, end: 999 }],
    ["bytes=-10", 1000, { start: 990, end: 999 }],
    ["bytes=-5000", 1000, { start: 0, end: 999 }],
    ["bytes=1000-", 1000, "unsatisfiable"],
    ["bytes=-0", 1000, "unsatisfiable"],
    ["bytes=0-", 0, "unsatisfiable"],
    [undefined, 1000, null],
    ["bytes=0-1,5-9", 1000, null],
    ["bytes=9-5", 1000, null],
    ["items=0-5", 1000, null],
    ["bytes=-", 1000, null],
  ] as const)("%s of %i bytes", (header, total, expected) => {
    expect(byteRange(header, total)).toEqual(expected);
  });
});
