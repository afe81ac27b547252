// The emulator's control API (/_emulator/*) as tests drive it: JSON in, JSON out, a non-2xx is an
// error naming the request. Shapes are left loose (the state snapshot is large and tests read bits).
export async function emulatorControl(base: string, path: string, method = "GET", body?: unknown): Promise<any> {
  const res = await fetch(`${base}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
