import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env, isLocalMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ErrorMessage } from "@/lib/shared/error-keys";

// The rules for every request the server makes to a workspace's Sautikit (its API and the files a
// recording redirect points at). A workspace admin types the API base URL, so without these rules
// the server would fetch whatever they like — its own loopback, the private network, a cloud
// metadata service — and hand the answer back. The rules are pure and take the mode, allowlists
// and resolver as data, so tests exercise production mode directly; lib/sautikit/fenced-fetch.ts
// applies them to each connection.

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type OutboundPolicy = {
  /** Local mode (the app runs against the emulator on this machine): loopback is allowed. */
  local: boolean;
  /** Hosts the API base URL may name (SAUTIKIT_ALLOWED_HOSTS); `*.example.com` matches subdomains. */
  apiHosts: readonly string[];
  /** Hosts a recording redirect may lead to besides the API's own origin (SAUTIKIT_RECORDING_HOSTS). */
  recordingHosts: readonly string[];
  /** Name resolution; the addresses it returns are the only ones a connection may use. */
  resolve: Resolver;
};

export const defaultResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** The policy this process runs with (from lib/env.ts). */
export function outboundPolicy(): OutboundPolicy {
  const e = env();
  return {
    local: isLocalMode(),
    apiHosts: e.SAUTIKIT_ALLOWED_HOSTS,
    recordingHosts: e.SAUTIKIT_RECORDING_HOSTS,
    resolve: defaultResolver,
  };
}

/** A request the fence refuses. Its message tells an admin what they can change. */
export function fenceError(problem: ErrorMessage): AppError {
  return new AppError("SAUTIKIT_REJECTED", problem.key, { params: problem.params, details: { fence: true } });
}

export function isFenceError(e: unknown): e is AppError {
  return e instanceof AppError && (e.details as { fence?: unknown } | undefined)?.fence === true;
}

// ---- host names ----------------------------------------------------------------------------

/** `host` as compared: lower case, no trailing dot, IPv6 without brackets. */
export function normalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^\[(.*)\]$/, "$1");
}

export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = normalHost(host);
  return patterns.some((p) => {
    const pat = normalHost(p);
    return pat.startsWith("*.") ? h.endsWith(pat.slice(1)) && h.length > pat.length - 1 : h === pat;
  });
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1"]);

/** Names and literals that mean "this machine". Other 127/8 literals count too. */
export function isLoopbackHost(host: string): boolean {
  const h = normalHost(host);
  if (LOOPBACK_NAMES.has(h) || h.endsWith(".localhost")) return true;
  return isIP(h) !== 0 && classifyAddress(h) === "loopback";
}

// ---- addresses -----------------------------------------------------------------------------

export type AddressClass = "public" | "loopback" | "private" | "link-local" | "metadata" | "unspecified" | "reserved";

type V4Range = [base: number, bits: number, cls: AddressClass];
const V4_RANGES: V4Range[] = [
  [v4("0.0.0.0"), 8, "unspecified"], // "this network"; 0.0.0.0 reaches the local host on Linux
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "private"], // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
  [v4("127.0.0.0"), 8, "loopback"],
  [v4("169.254.0.0"), 16, "link-local"], // includes the 169.254.169.254 metadata service
  [v4("168.63.129.16"), 32, "metadata"], // Azure's host endpoint, a public address
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "reserved"],
  [v4("192.0.2.0"), 24, "reserved"],
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "reserved"],
  [v4("198.51.100.0"), 24, "reserved"],
  [v4("203.0.113.0"), 24, "reserved"],
  [v4("224.0.0.0"), 4, "reserved"], // multicast
  [v4("240.0.0.0"), 4, "reserved"], // reserved and broadcast
];

function v4(s: string): number {
  return s.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function classifyV4(n: number): AddressClass {
  for (const [base, bits, cls] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    if (n >= base && n < base + size) return cls;
  }
  return "public";
}

/** 16 bytes of an IPv6 literal (zone id dropped, an IPv4 tail such as ::ffff:1.2.3.4 expanded), or null. */
function v6Bytes(input: string): number[] | null {
  let s = input.replace(/%.*$/, "");
  const lastColon = s.lastIndexOf(":");
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    if (isIP(last) !== 4) return null;
    const n = v4(last);
    s = `${s.slice(0, lastColon + 1)}${((n >>> 16) & 0xffff).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0]!);
  let groups = head;
  if (halves.length === 2) {
    const tail = parse(halves[1]!);
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return null;
    groups = [...head, ...Array<number>(fill).fill(0), ...tail];
  }
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return null;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

function classifyV6(b: number[]): AddressClass {
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  const embeddedV4 = (at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
  if (zeroUpTo(16)) return "unspecified"; // ::
  if (zeroUpTo(15) && b[15] === 1) return "loopback"; // ::1
  // IPv4-mapped ::ffff:a.b.c.d reaches the IPv4 address: the IPv4 rules apply.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(embeddedV4(12));
  if (zeroUpTo(12)) return "reserved"; // deprecated IPv4-compatible ::a.b.c.d
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that is where the packet goes.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0))
    return classifyV4(embeddedV4(12));
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(embeddedV4(2));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return "reserved"; // 64:ff9b:1::/48 local NAT64
  if ((b[0]! & 0xfe) === 0xfc)
    return b[0] === 0xfd && b[1] === 0x00 && b[2] === 0x0e && b[3] === 0xc2 ? "metadata" : "private"; // fc00::/7 (fd00:ec2::254 is AWS metadata)
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return "link-local"; // fe80::/10
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return "private"; // fec0::/10, old site-local
  if (b[0] === 0xff) return "reserved"; // multicast
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return "reserved"; // documentation
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && b[3] === 0x00) return "reserved"; // Teredo hides an IPv4 address
  if (b[0] === 0x01 && b.slice(1, 8).every((x) => x === 0)) return "reserved"; // 100::/64 discard
  return "public";
}

/** What kind of address an IP literal is; anything that is not a valid literal is "reserved". */
export function classifyAddress(ip: string): AddressClass {
  const h = normalHost(ip);
  const kind = isIP(h.replace(/%.*$/, ""));
  if (kind === 4) return classifyV4(v4(h));
  if (kind === 6) {
    const bytes = v6Bytes(h);
    return bytes ? classifyV6(bytes) : "reserved";
  }
  return "reserved";
}

/** Whether a connection to `ip` is allowed: public addresses always, loopback only in local mode. */
export function addressAllowed(ip: string, policy: Pick<OutboundPolicy, "local">): boolean {
  const cls = classifyAddress(ip);
  return cls === "public" || (cls === "loopback" && policy.local);
}

export function addressRefusal(ip: string): ErrorMessage {
  // "link-local" and the like are not catalog words: the select names them per language.
  const kind = classifyAddress(ip).replace("-", "_");
  return { key: "fenceAddress", params: { kind, ip } };
}

// ---- URLs ----------------------------------------------------------------------------------

/**
 * Why a request to the API at `url` is refused, or null when it may go ahead (the address it
 * resolves to is checked when connecting). Messages say what an admin can change.
 */
export function apiUrlProblem(url: URL, policy: Pick<OutboundPolicy, "local" | "apiHosts">): ErrorMessage | null {
  if (url.username || url.password) return { key: "fenceCredentialsInUrl" };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { key: "fenceHttpsAddress" };
  if (isLoopbackHost(url.hostname)) {
    return policy.local ? null : { key: "fenceLoopback" };
  }
  if (url.protocol !== "https:") return { key: "fenceUseHttps" };
  if (url.port !== "" && url.port !== "443") return { key: "fencePort" };
  if (!hostMatches(url.hostname, policy.apiHosts))
    return { key: "fenceHostNotAllowed", params: { hosts: policy.apiHosts.join(", ") || "-" } };
  return null;
}

/**
 * Why a recording file at `url` (a redirect target) is refused, or null. Allowed: the API's own
 * origin, or https on port 443 to a host on SAUTIKIT_RECORDING_HOSTS.
 */
export function recordingUrlProblem(
  url: URL,
  apiOrigin: string,
  policy: Pick<OutboundPolicy, "local" | "recordingHosts">,
): ErrorMessage | null {
  if (url.username || url.password) return { key: "fenceRecordingCredentials" };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { key: "fenceRecordingNotHttp" };
  if (url.origin === apiOrigin) return null;
  if (
    url.protocol === "https:" &&
    (url.port === "" || url.port === "443") &&
    !isLoopbackHost(url.hostname) &&
    hostMatches(url.hostname, policy.recordingHosts)
  )
    return null;
  return { key: "fenceRecordingHost", params: { host: url.host } };
}

/**
 * Why an admin cannot save `raw` as the API base URL, or null. The same rules as every request,
 * so a saved connection is never one the fence would refuse later.
 */
export function apiBaseUrlProblem(
  raw: string,
  policy: Pick<OutboundPolicy, "local" | "apiHosts">,
): ErrorMessage | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { key: "fenceEnterApiUrl" };
  }
  if (url.search || url.hash) return { key: "fenceNoQuery" };
  return apiUrlProblem(url, policy);
}
