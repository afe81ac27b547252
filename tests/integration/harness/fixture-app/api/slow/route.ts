// GET /api/slow — adapter fixture: holds its response until the test releases it, recording the
// order of events so the test can see stop() wait for it.
const hooks = globalThis as typeof globalThis & {
  __slowEntered?: () => void;
  __slowRelease?: Promise<void>;
  __events?: string[];
};

export async function GET(): Promise<Response> {
  hooks.__slowEntered?.();
  await hooks.__slowRelease;
  hooks.__events?.push("handler finished");
  return Response.json({ done: true });
}
