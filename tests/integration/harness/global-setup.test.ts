// The run's emulator from the global setup is real, reachable and handed to every worker.
import { expect, inject, it } from "vitest";

it("provides one running emulator to the tests, by inject and by SAUTIKIT_API_URL", async () => {
  const url = inject("emulatorUrl");
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(process.env.SAUTIKIT_API_URL).toBe(url);
  const res = await fetch(`${url}/_emulator/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true });
});
