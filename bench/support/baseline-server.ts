// The stronger P1 baseline: a bare node:http server that does what the join callback cannot skip —
// verify the HMAC signature over the raw bytes (same scheme and constant-time compare as the app)
// and read the caller's leg by its indexed call id — and nothing else. Run as its own process (like
// the app) so the load generator does not share its thread:
//   node --import tsx bench/support/baseline-server.ts <postgresql://… | pglite:<dir>> <secret>
// Prints `{"port":N}` once listening; exits on SIGTERM.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

const [url, secret] = process.argv.slice(2);
if (!url || !secret) throw new Error("usage: baseline-server.ts <database url> <secret>");

const SQL = `SELECT "id", "meetingId", "state" FROM "Leg" WHERE "callId" = $1`;
type LegRow = { id: string; meetingId: string; state: string };

let query: (callId: string) => Promise<LegRow | undefined>;
let close: () => Promise<void>;
if (url.startsWith("pglite:")) {
  const db = new PGlite(url.slice("pglite:".length));
  await db.waitReady;
  query = async (callId) => (await db.query<LegRow>(SQL, [callId])).rows[0];
  close = () => db.close();
} else {
  // The app's pool size for one instance (lib/db.ts), so both hold the same number of connections.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  query = async (callId) => (await pool.query<LegRow>(SQL, [callId])).rows[0];
  close = () => pool.end();
}

function verified(header: string | undefined, body: Buffer): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!m) return false;
  const expected = createHmac("sha256", secret!).update(body).update(`.${m[1]}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, "hex"));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    if (!verified(req.headers["x-sautikit-signature"] as string | undefined, body)) {
      res.writeHead(401).end();
      return;
    }
    const callId = new URLSearchParams(body.toString("utf8")).get("CallId") ?? "";
    query(callId).then(
      (leg) => {
        if (!leg) return void res.writeHead(404).end();
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify([{ action: "conference", room: leg.meetingId, leg: leg.id, state: leg.state }]));
      },
      () => void res.writeHead(500).end(),
    );
  });
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.once("SIGTERM", () => {
  server.close();
  void close().finally(() => process.exit(0));
});
