// Reads a Server-Sent Events response frame by frame (the live roster stream), for tests that
// check what a stream carries: the raw text of each frame, as it arrived.

export type FrameReader = {
  /** The next `event: <name>` frame for which `match` holds (frames before it are skipped). */
  next(name: string, match?: (frame: string) => boolean): Promise<string>;
  close(): Promise<void>;
};

export function sseFrames(res: Response): FrameReader {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(name, match = () => true) {
      for (;;) {
        const frames = buffer.split("\n\n");
        buffer = frames.pop()!;
        const hit = frames.findIndex((f) => f.startsWith(`event: ${name}\n`) && match(f));
        if (hit >= 0) {
          buffer = [...frames.slice(hit + 1), buffer].join("\n\n");
          return frames[hit]!;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before an "${name}" frame`);
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel().catch(() => {}),
  };
}
