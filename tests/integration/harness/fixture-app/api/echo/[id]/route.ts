// POST|GET /api/echo/[id] — adapter fixture: reflects what the handler received.
import type { NextRequest } from "next/server";

async function echo(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const raw = request.method === "GET" ? "" : await request.text();
  return Response.json({
    id: (await params).id,
    method: request.method,
    query: Object.fromEntries(request.nextUrl.searchParams),
    body: raw,
    contentType: request.headers.get("content-type"),
    multi: request.headers.get("x-multi"),
  });
}

export const GET = echo;
export const POST = echo;
