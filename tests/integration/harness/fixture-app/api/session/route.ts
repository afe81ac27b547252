// GET|POST /api/session — adapter fixture: Next's request APIs (cookies, headers, redirect).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

export async function GET(): Promise<Response> {
  const jar = await cookies();
  return Response.json({ who: jar.get("who")?.value ?? null, agent: (await headers()).get("x-agent") });
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData();
  (await cookies()).set("who", String(form.get("who")), { httpOnly: true, path: "/" });
  redirect("/api/session");
}
