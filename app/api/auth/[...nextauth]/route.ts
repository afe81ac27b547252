// GET|POST /api/auth/* — Auth.js endpoints (session, csrf, credentials callback, sign-out)
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { withCappedBody } from "@/lib/http/read-body";

export const runtime = "nodejs";
export const { GET } = handlers;
// Auth.js reads the form itself, with no size limit: it gets the body only once it is within ours.
export const POST = (req: NextRequest): Promise<Response> => withCappedBody(req, handlers.POST);
