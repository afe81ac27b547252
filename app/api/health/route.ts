// GET /api/health — liveness and database reachability, for the runner, load balancers and tests.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const headers = { "Cache-Control": "no-store" };

export async function GET(): Promise<NextResponse> {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true, db: "up" }, { headers });
  } catch (error) {
    // Details stay in the log: a health probe is unauthenticated.
    log.error({ err: error }, "health check: database unreachable");
    return NextResponse.json({ ok: false, db: "down" }, { status: 503, headers });
  }
}
