// HTTP byte ranges for recording playback (RFC 9110 §14): a player asks for `Range: bytes=a-b` to
// learn the length and to seek. One range per request is all a media element asks for; anything
// else (several ranges, garbage) is ignored and the whole file is served, as the RFC allows.

export type RangeSpec = { first: number; last?: number } | { suffix: number };
export type ByteSpan = { start: number; end: number };

const SINGLE = /^bytes=(\d{0,15})-(\d{0,15})$/;

/** The one range a request asks for, or null to serve the whole file. */
export function parseRangeHeader(header: string | null): RangeSpec | null {
  if (!header) return null;
  const m = SINGLE.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === "" && b === "") return null;
  if (a === "") return { suffix: Number(b) };
  const first = Number(a);
  if (b === "") return { first };
  const last = Number(b);
  return last < first ? null : { first, last };
}

export function rangeHeaderValue(spec: RangeSpec): string {
  return "suffix" in spec ? `bytes=-${spec.suffix}` : `bytes=${spec.first}-${spec.last ?? ""}`;
}

/** The bytes a range selects from a file of `total` bytes, or "unsatisfiable" (answer 416). */
export function resolveRange(spec: RangeSpec, total: number): ByteSpan | "unsatisfiable" {
  if ("suffix" in spec) {
    if (spec.suffix === 0 || total === 0) return "unsatisfiable";
    return { start: Math.max(0, total - spec.suffix), end: total - 1 };
  }
  if (spec.first >= total) return "unsatisfiable";
  return { start: spec.first, end: Math.min(spec.last ?? total - 1, total - 1) };
}

/** `Content-Range: bytes a-b/total` (total may be `*`), or null when malformed or inconsistent. */
export function parseContentRange(header: string | null): (ByteSpan & { total?: number }) | null {
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15}|\*)$/.exec(header?.trim() ?? "");
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = m[3] === "*" ? undefined : Number(m[3]);
  if (end < start || (total !== undefined && end >= total)) return null;
  return { start, end, total };
}

/** The length in a 416's `Content-Range: bytes *\/total`, if given. */
export function parseUnsatisfiedRange(header: string | null): number | undefined {
  const m = /^bytes \*\/(\d{1,15})$/.exec(header?.trim() ?? "");
  return m ? Number(m[1]) : undefined;
}

/** A Content-Length header as a number, or undefined when absent or not plain digits. */
export function parseLength(header: string | null): number | undefined {
  return header !== null && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

/**
 * `take` bytes of `body` after skipping `skip`, streamed: nothing is buffered beyond one chunk.
 * A body that ends early errors the stream, so a client never takes a short file for a whole one
 * (its Content-Length promised more); cancelling the result cancels the upstream body.
 */
export function sliceStream(body: ReadableStream<Uint8Array>, skip: number, take: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let toSkip = skip;
  let left = take;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (left === 0) {
        controller.close();
        await reader.cancel().catch(() => undefined);
        return;
      }
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return controller.error(new Error(`the recording ended ${left} bytes early`));
        let chunk = value;
        if (toSkip > 0) {
          const dropped = Math.min(toSkip, chunk.byteLength);
          toSkip -= dropped;
          chunk = chunk.subarray(dropped);
        }
        if (chunk.byteLength === 0) continue;
        if (chunk.byteLength > left) chunk = chunk.subarray(0, left);
        left -= chunk.byteLength;
        controller.enqueue(chunk);
        if (left === 0) {
          controller.close();
          await reader.cancel().catch(() => undefined);
        }
        return;
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
