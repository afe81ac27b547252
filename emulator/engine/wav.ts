// A real, playable 8 kHz mono 16-bit PCM WAV: silence, with a short tone at every join (high) and
// leave (low). Generated in chunks so a long room never needs one huge buffer.

export const SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const TONE_MS = 200;
const CHUNK_SAMPLES = SAMPLE_RATE; // one second

export type Tone = { at_ms: number; join: boolean };

export function sampleCount(durationMs: number): number {
  return Math.max(0, Math.round((durationMs * SAMPLE_RATE) / 1000));
}

export function wavByteLength(durationMs: number): number {
  return 44 + sampleCount(durationMs) * BYTES_PER_SAMPLE;
}

export function wavHeader(samples: number): Buffer {
  const dataBytes = samples * BYTES_PER_SAMPLE;
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write("WAVE", 8, "ascii");
  h.write("fmt ", 12, "ascii");
  h.writeUInt32LE(16, 16); // PCM fmt chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * BYTES_PER_SAMPLE, 28); // byte rate
  h.writeUInt16LE(BYTES_PER_SAMPLE, 32); // block align
  h.writeUInt16LE(16, 34); // bits per sample
  h.write("data", 36, "ascii");
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

export function* wavChunks(durationMs: number, tones: Tone[]): Generator<Buffer> {
  const total = sampleCount(durationMs);
  yield wavHeader(total);
  const toneSamples = (TONE_MS * SAMPLE_RATE) / 1000;
  const spans = tones.map((t) => ({ start: Math.round((t.at_ms * SAMPLE_RATE) / 1000), freq: t.join ? 880 : 440 }));
  for (let offset = 0; offset < total; offset += CHUNK_SAMPLES) {
    const n = Math.min(CHUNK_SAMPLES, total - offset);
    const chunk = Buffer.alloc(n * BYTES_PER_SAMPLE);
    for (const span of spans) {
      const from = Math.max(span.start, offset);
      const to = Math.min(span.start + toneSamples, offset + n);
      for (let s = from; s < to; s++) {
        const t = (s - span.start) / SAMPLE_RATE;
        chunk.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * span.freq * t)), (s - offset) * BYTES_PER_SAMPLE);
      }
    }
    yield chunk;
  }
}
