// GET /api/stream — adapter fixture: the second chunk is only produced once the test has read the
// first, so the test passes only if the adapter streams rather than buffers.
const gate = globalThis as typeof globalThis & { __releaseStream?: () => void };

export function GET(): Response {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const encoder = new TextEncoder();
      controller.enqueue(encoder.encode("data: first\n\n"));
      await new Promise<void>((resolve) => (gate.__releaseStream = resolve));
      controller.enqueue(encoder.encode("data: second\n\n"));
      controller.close();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" },
  });
}
