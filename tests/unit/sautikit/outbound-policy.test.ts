// The fence's rules in production mode, with the mode, allowlists and resolver injected: which
// hosts, ports, schemes and resolved addresses a server-side request to a workspace's Sautikit may
// use, and the messages an admin sees when one is refused.
import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { errorText } from "@/lib/i18n/error-text";
import { apiFetch, fencedLookup, openRecordingFile } from "@/lib/sautikit/fenced-fetch";
import {
  addressAllowed,
  apiBaseUrlProblem,
  classifyAddress,
  hostMatches,
  recordingUrlProblem,
  type OutboundPolicy,
  type Resolver,
} from "@/lib/sautikit/outbound-policy";
import type { ErrorMessage } from "@/lib/shared/error-keys";

/** A refusal as an admin reads it in English (null: allowed). */
const say = (m: ErrorMessage | null) => (m ? errorText("en", m.key, m.params) : null);

/** A resolver from a fixed table that counts its calls; unknown names do not exist. */
function table(entries: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: Resolver = async (host) => {
    calls.push(host);
    const found = entries[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, calls };
}

const production = (resolve: Resolver = table({}).resolve): OutboundPolicy => ({
  local: false,
  apiHosts: ["api.sautikit.com"],
  recordingHosts: ["storage.sautikit.com", "*.recordings.example"],
  resolve,
});

describe("address classes", () => {
  const cases: Array<[string, string]> = [
    ["8.8.8.8", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.254", "private"],
    ["100.128.0.1", "public"],
    ["169.254.169.254", "link-local"],
    ["168.63.129.16", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["fc00::1", "private"],
    ["fdff:ffff::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    // IPv4 inside IPv6: judged by the IPv4 address it reaches.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:7f00:1::", "loopback"],
    ["::127.0.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["not-an-ip", "reserved"],
  ];
  it.each(cases)("%s is %s", (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });

  it("allows loopback only in local mode, and nothing private in either", () => {
    expect(addressAllowed("127.0.0.1", { local: true })).toBe(true);
    expect(addressAllowed("::ffff:127.0.0.1", { local: true })).toBe(true);
    expect(addressAllowed("127.0.0.1", { local: false })).toBe(false);
    expect(addressAllowed("::ffff:127.0.0.1", { local: false })).toBe(false);
    for (const ip of ["10.0.0.1", "169.254.169.254", "fd00::1", "fe80::1", "0.0.0.0", "100.100.100.200"]) {
      expect(addressAllowed(ip, { local: true }), ip).toBe(false);
      expect(addressAllowed(ip, { local: false }), ip).toBe(false);
    }
    expect(addressAllowed("8.8.8.8", { local: false })).toBe(true);
  });
});

describe("host allowlists", () => {
  it("match exactly, case-insensitively, with *. for subdomains only", () => {
    expect(hostMatches("API.Sautikit.com.", ["api.sautikit.com"])).toBe(true);
    expect(hostMatches("api.sautikit.com.evil.test", ["api.sautikit.com"])).toBe(false);
    expect(hostMatches("evilapi.sautikit.com", ["api.sautikit.com"])).toBe(false);
    expect(hostMatches("a.recordings.example", ["*.recordings.example"])).toBe(true);
    expect(hostMatches("recordings.example", ["*.recordings.example"])).toBe(false);
    expect(hostMatches("xrecordings.example", ["*.recordings.example"])).toBe(false);
  });
});

describe("the API base URL an admin may save (production mode)", () => {
  const p = production();
  it.each([
    ["http://api.sautikit.com", /https:\/\//],
    ["https://api.sautikit.com:8443", /port/],
    ["https://api.sautikit.com:22", /port/],
    ["https://evil.example", /SAUTIKIT_ALLOWED_HOSTS/],
    ["https://10.0.0.5", /SAUTIKIT_ALLOWED_HOSTS/],
    ["https://169.254.169.254", /SAUTIKIT_ALLOWED_HOSTS/],
    ["http://127.0.0.1:5432", /local emulator/],
    ["http://localhost:4010", /local emulator/],
    ["http://[::1]:4010", /local emulator/],
    ["https://[::ffff:127.0.0.1]", /local emulator/],
    ["https://user:pw@api.sautikit.com", /user name and password/],
    ["https://api.sautikit.com/?x=1", /without \? or #/],
    ["gopher://api.sautikit.com", /https:\/\//],
    ["not a url", /Enter the API base URL/],
  ])("%s is refused", (url, why) => {
    expect(say(apiBaseUrlProblem(url, p))).toMatch(why);
  });

  it("accepts Sautikit itself, and loopback only in local mode", () => {
    expect(apiBaseUrlProblem("https://api.sautikit.com", p)).toBeNull();
    expect(apiBaseUrlProblem("https://api.sautikit.com:443/", p)).toBeNull();
    expect(apiBaseUrlProblem("http://127.0.0.1:4010", { ...p, local: true })).toBeNull();
    expect(say(apiBaseUrlProblem("https://evil.example", { ...p, local: true }))).toMatch(/SAUTIKIT_ALLOWED_HOSTS/);
  });
});

describe("where a recording redirect may lead (production mode)", () => {
  const p = production();
  const api = "https://api.sautikit.com";
  it.each([
    ["https://api.sautikit.com/files/x.wav", null],
    ["https://storage.sautikit.com/x.wav?sig=1", null],
    ["https://eu.recordings.example/x.wav", null],
    ["http://storage.sautikit.com/x.wav", /not the API's host/],
    ["https://storage.sautikit.com:8443/x.wav", /not the API's host/],
    ["http://api.sautikit.com/x.wav", /not the API's host/],
    ["https://127.0.0.1/x.wav", /not the API's host/],
    ["https://169.254.169.254/latest/meta-data", /not the API's host/],
    ["https://evil.example/x.wav", /not the API's host/],
    ["file:///etc/passwd", /not http/],
  ])("%s → %s", (url, why) => {
    const problem = recordingUrlProblem(new URL(url), new URL(api).origin, p);
    if (why === null) expect(problem).toBeNull();
    else expect(say(problem)).toMatch(why);
  });
});

describe("resolved addresses (production mode, injected resolver)", () => {
  const lookup = (policy: OutboundPolicy, host: string, options: { all?: boolean; family?: number } = {}) =>
    new Promise<unknown>((resolve, reject) =>
      fencedLookup(policy)(host, options as never, (err: unknown, address: unknown) =>
        err ? reject(err) : resolve(address),
      ),
    );

  it("refuses a name that resolves to a loopback, private, link-local or mapped address", async () => {
    for (const bad of [
      "127.0.0.1",
      "10.0.0.7",
      "169.254.169.254",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:a9fe:a9fe",
      "0.0.0.0",
    ]) {
      const { resolve } = table({ "storage.sautikit.com": [bad] });
      await expect(lookup(production(resolve), "storage.sautikit.com"), bad).rejects.toMatchObject({
        code: "SAUTIKIT_REJECTED",
        message: expect.stringMatching(/does not connect to/),
      });
    }
  });

  it("refuses a name with one bad address among good ones (a rebinding host)", async () => {
    const { resolve } = table({ "api.sautikit.com": ["93.184.216.34", "127.0.0.1"] });
    await expect(lookup(production(resolve), "api.sautikit.com", { all: true })).rejects.toMatchObject({
      code: "SAUTIKIT_REJECTED",
    });
  });

  it("hands the connection exactly the addresses it checked", async () => {
    const { resolve, calls } = table({ "api.sautikit.com": ["93.184.216.34", "2606:2800:220:1::1"] });
    expect(await lookup(production(resolve), "api.sautikit.com", { all: true })).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ]);
    expect(await lookup(production(resolve), "api.sautikit.com", { family: 6 })).toBe("2606:2800:220:1::1");
    expect(calls).toEqual(["api.sautikit.com", "api.sautikit.com"]);
  });

  it("refuses before connecting: API calls and recording hops never reach a private address", async () => {
    const { resolve, calls } = table({
      "api.sautikit.com": ["10.20.30.40"],
      "storage.sautikit.com": ["169.254.169.254"],
    });
    const p = production(resolve);
    await expect(apiFetch("https://api.sautikit.com/v1/numbers", {}, p)).rejects.toMatchObject({
      code: "SAUTIKIT_REJECTED",
      message: expect.stringMatching(/private network address/),
    });
    await expect(apiFetch("https://evil.example/v1/numbers", {}, p)).rejects.toMatchObject({
      message: expect.stringMatching(/SAUTIKIT_ALLOWED_HOSTS/),
    });
    await expect(apiFetch("http://127.0.0.1:4010/v1/numbers", {}, p)).rejects.toMatchObject({
      message: expect.stringMatching(/local emulator/),
    });
    await expect(
      openRecordingFile("https://api.sautikit.com", "https://storage.sautikit.com/r.wav", {}, p),
    ).rejects.toMatchObject({
      code: "SAUTIKIT_REJECTED",
      message: expect.stringMatching(/link-local/),
    });
    await expect(
      openRecordingFile("https://api.sautikit.com", "http://127.0.0.1:4010/recordings/r.wav", {}, p),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/not the API's host/),
    });
    // The two refusals that got as far as a name were refused on its resolution, never connected.
    expect(calls).toEqual(["api.sautikit.com", "storage.sautikit.com"]);
  });
});

describe("configuration (lib/env.ts)", () => {
  it("defaults to the real API host and Sautikit's storage hosts", () => {
    const e = loadEnv({});
    expect(e.SAUTIKIT_ALLOWED_HOSTS).toEqual(["api.sautikit.com"]);
    expect(e.SAUTIKIT_RECORDING_HOSTS).toEqual(["recordings.sautikit.com", "storage.sautikit.com"]);
    expect(
      loadEnv({ SAUTIKIT_ALLOWED_HOSTS: " API.sautikit.com , eu.sautikit.example " }).SAUTIKIT_ALLOWED_HOSTS,
    ).toEqual(["api.sautikit.com", "eu.sautikit.example"]);
  });

  it.each([["https://api.sautikit.com/"], ["10.0.0.1"], ["api.sautikit.com:443"], ["*"], ["api.sautikit.com/v1"]])(
    "refuses host list entry %s",
    (bad) => {
      expect(() => loadEnv({ SAUTIKIT_ALLOWED_HOSTS: bad })).toThrow(
        /SAUTIKIT_ALLOWED_HOSTS: must be a comma-separated list of host names/,
      );
      expect(() => loadEnv({ SAUTIKIT_RECORDING_HOSTS: bad })).toThrow(/SAUTIKIT_RECORDING_HOSTS/);
    },
  );

  it("refuses a production SAUTIKIT_API_URL the fence would refuse", () => {
    expect(() => loadEnv({ SAUTIKIT_API_URL: "http://api.sautikit.com" })).toThrow(/SAUTIKIT_API_URL: must be https/);
    expect(() => loadEnv({ SAUTIKIT_API_URL: "https://api.sautikit.com:8443" })).toThrow(
      /SAUTIKIT_API_URL: must be https/,
    );
    expect(() => loadEnv({ SAUTIKIT_API_URL: "https://sautikit.evil.test" })).toThrow(/not on SAUTIKIT_ALLOWED_HOSTS/);
    expect(
      loadEnv({ SAUTIKIT_API_URL: "https://eu.sautikit.example", SAUTIKIT_ALLOWED_HOSTS: "eu.sautikit.example" })
        .SAUTIKIT_API_URL,
    ).toBe("https://eu.sautikit.example");
    expect(loadEnv({ SAUTIKIT_API_URL: "http://[::1]:4010" }).SAUTIKIT_API_URL).toBe("http://[::1]:4010");
  });
});
