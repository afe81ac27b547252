import type { IncomingMessage } from "node:http";
import type { EmulatorConfig } from "../config";
import { HttpError } from "./respond";

// DNS rebinding: a web page on attacker.example can re-point its own name at 127.0.0.1 and then
// talk to the emulator as a same-origin page, so Origin / Sec-Fetch-Site checks see nothing odd.
// What it cannot change is the Host header: the browser still sends `attacker.example:4010`. So the
// emulator answers only to its own names — loopback with the port the request arrived on, the host
// of EMULATOR_PUBLIC_URL and of EMULATOR_HOST, and EMULATOR_ALLOWED_HOSTS — on every path.
//
// That includes /v1: the seeded workspace's key (`sk_test_emulator`) is a published default, so a
// rebinding page could otherwise place calls or re-point number routing through the faithful API.

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
const WILDCARD_BINDS = new Set(["0.0.0.0", "::", "[::]"]);

/** `port`: null = any port; "local" = the port the request arrived on. */
export type HostRule = { name: string; port: number | null | "local" };

/** `name` (any port) or `name:port`; IPv6 literals in brackets. Lower-cased. */
export function parseHostRule(entry: string): HostRule | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(entry.trim());
  if (!m) return null;
  const port = m[2] === undefined ? null : Number(m[2]);
  if (port !== null && port > 65535) return null;
  return { name: m[1]!.toLowerCase(), port };
}

export class HostCheck {
  private readonly rules: HostRule[];

  constructor(config: Pick<EmulatorConfig, "host" | "publicUrl" | "allowedHosts">) {
    const rules: HostRule[] = [...config.allowedHosts];
    if (config.publicUrl) {
      const url = new URL(config.publicUrl);
      rules.push({
        name: url.hostname.toLowerCase(),
        port: url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80,
      });
    }
    const bind = config.host.includes(":") && !config.host.startsWith("[") ? `[${config.host}]` : config.host;
    if (!WILDCARD_BINDS.has(bind)) rules.push({ name: bind.toLowerCase(), port: "local" });
    this.rules = rules;
  }

  /** Whether a Host header value names this emulator; `localPort` is the port the request arrived on. */
  allows(hostHeader: string | undefined, localPort: number): boolean {
    if (!hostHeader) return false;
    const given = parseHostRule(hostHeader);
    if (!given) return false;
    // A browser leaves the port out when it is the scheme's default.
    const port = typeof given.port === "number" ? given.port : 80;
    if (LOOPBACK_NAMES.includes(given.name) && port === localPort) return true;
    return this.rules.some(
      (r) =>
        r.name === given.name && (r.port === null || r.port === port || (r.port === "local" && port === localPort)),
    );
  }

  assert(req: IncomingMessage): void {
    const host = req.headers.host;
    if (this.allows(host, req.socket.localPort ?? -1)) return;
    throw new HttpError(
      421,
      "host.not_allowed",
      host
        ? `The emulator does not answer to the host name "${host.slice(0, 100)}". It answers to 127.0.0.1, localhost and [::1] on its own port, ` +
            "the host of EMULATOR_PUBLIC_URL, and the names in EMULATOR_ALLOWED_HOSTS: add this name there if you reach the emulator by it."
        : "The request has no Host header; the emulator answers only to its own host names.",
    );
  }
}
