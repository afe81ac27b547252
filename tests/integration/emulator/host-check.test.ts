import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/tests/support/emulator-process";
import { SEEDED } from "./helpers";

// DNS rebinding: a page on rebind.example whose name now resolves to 127.0.0.1 talks to the
// emulator as a same-origin page (its Origin matches its Host), so only the Host header gives it
// away. Every path must refuse a Host that is not the emulator's own.

let emu: RunningEmulator;
let custom: RunningEmulator;

beforeAll(async () => {
  [emu, custom] = await Promise.all([
    startEmulator(),
    startEmulator({
      env: {
        EMULATOR_ALLOWED_HOSTS: "emulator.internal, other.test:9",
        EMULATOR_PUBLIC_URL: "http://emu.example:8080",
      },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([emu?.stop(), custom?.stop()]);
});

type Answer = { status: number; body: string; json: any };

/** node:http, because fetch will not send a Host header of our choosing. */
function send(
  target: RunningEmulator,
  method: string,
  path: string,
  host: string | null,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: target.port,
        method,
        path,
        setHost: host !== null,
        headers: {
          ...(host !== null ? { Host: host } : {}),
          ...(body ? { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body: text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("Host allowlist (DNS rebinding)", () => {
  it("refuses a foreign Host on the control API, the console and /v1, and changes nothing", async () => {
    const evil = `rebind.example:${emu.port}`;
    const sameOrigin = { Origin: `http://${evil}`, "Sec-Fetch-Site": "same-origin" };
    const attempts = [
      await send(emu, "GET", "/_emulator/state", evil),
      await send(emu, "POST", "/_emulator/faults", evil, { body: { outage: true }, headers: sameOrigin }),
      await send(emu, "POST", "/_emulator/phones/+254700000501/dial", evil, {
        body: { to: SEEDED.dialIn },
        headers: sameOrigin,
      }),
      await send(emu, "GET", "/", evil),
      await send(emu, "GET", "/v1/calls", evil, { headers: { Authorization: `Bearer ${SEEDED.apiKey}` } }),
      await send(emu, "POST", "/v1/calls", evil, {
        body: { from: SEEDED.callerId, to: "+254711000001" },
        headers: { Authorization: `Bearer ${SEEDED.apiKey}`, ...sameOrigin },
      }),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(421);
      expect(a.json.error.code).toBe("host.not_allowed");
      expect(a.json.error.message).toContain("EMULATOR_ALLOWED_HOSTS");
    }
    const state = (await send(emu, "GET", "/_emulator/state", `127.0.0.1:${emu.port}`)).json;
    expect(state.faults).toEqual({});
    expect(state.calls).toEqual([]);
    expect(state.phones).toEqual([]);
  });

  it("refuses a loopback name on another port and a request without Host", async () => {
    expect((await send(emu, "GET", "/_emulator/health", `127.0.0.1:${emu.port + 1}`)).status).toBe(421);
    expect((await send(emu, "GET", "/_emulator/health", "localhost")).status).toBe(421);
    // Node itself answers 400 to an HTTP/1.1 request without Host; either way it is refused.
    expect([400, 421]).toContain((await send(emu, "GET", "/_emulator/health", null)).status);
  });

  it("answers to 127.0.0.1, localhost and [::1] on its own port", async () => {
    for (const name of ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"]) {
      const res = await send(emu, "GET", "/_emulator/health", `${name}:${emu.port}`);
      expect(res.status, name).toBe(200);
    }
    const v1 = await send(emu, "GET", "/v1/wallet/balance", `localhost:${emu.port}`, {
      headers: { Authorization: `Bearer ${SEEDED.apiKey}` },
    });
    expect(v1.status).toBe(200);
  });

  it("answers to EMULATOR_ALLOWED_HOSTS and to the public URL's host, automatically", async () => {
    expect((await send(custom, "GET", "/_emulator/health", "emulator.internal:1234")).status).toBe(200);
    expect((await send(custom, "GET", "/_emulator/health", "emulator.internal")).status).toBe(200);
    expect((await send(custom, "GET", "/_emulator/health", "other.test:9")).status).toBe(200);
    expect((await send(custom, "GET", "/_emulator/health", "other.test:10")).status).toBe(421);
    expect((await send(custom, "GET", "/_emulator/health", "emu.example:8080")).status).toBe(200);
    expect((await send(custom, "GET", "/_emulator/health", "emu.example:8081")).status).toBe(421);
  });

  it("refuses to start with a malformed EMULATOR_ALLOWED_HOSTS entry", async () => {
    await expect(startEmulator({ env: { EMULATOR_ALLOWED_HOSTS: "good.test,bad host" } })).rejects.toThrow(
      /EMULATOR_ALLOWED_HOSTS.*not a host name/s,
    );
  });
});
