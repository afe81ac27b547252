// A cookie-keeping HTTP client (like one browser) that signs in through the app's real Auth.js
// endpoints, plus the people every reliability test needs: two workspaces, an admin and an
// organiser in A, an admin in B; and the first things most API tests make over HTTP.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { meetingInput } from "../../meetings/support";

export class Client {
  private jar = new Map<string, string>();
  constructor(private base: string) {}

  async fetch(p: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    // Same-origin by default, as a browser sends it; tests override it to forge a cross-site request.
    if (init.method && init.method !== "GET" && !headers.has("origin")) headers.set("origin", this.base);
    const res = await fetch(`${this.base}${p}`, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, ...rest] = pair!.split("=");
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.delete(name!.trim());
      else this.jar.set(name!.trim(), rest.join("="));
    }
    return res;
  }

  /** Sets a cookie as if the server had (a workspace cookie the user picked, a forged one…). */
  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  /** The Cookie header this client sends (for tools that make their own requests). */
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  json(p: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(p, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  /** Signs in through Auth.js's credentials callback, as the sign-in page posts it. */
  async signIn(
    email: string,
    password: string,
    headers: Record<string, string> = {},
    callbackUrl = "/meetings",
  ): Promise<Response> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl }),
    });
  }
}

type Db = typeof import("@/lib/db").db;
/** Someone who can sign in (the password is real) and act in lib/ functions (the Actor). */
export type Person = Actor & { password: string };
export type People = { adminA: Person; organiserA: Person; adminB: Person };

/** Two workspaces; a fresh suffix keeps emails unique when a file calls this twice. */
export async function createPeople(db: Db): Promise<People> {
  const { signUp } = await import("@/lib/workspaces/sign-up");
  const { hashPassword } = await import("@/lib/auth/password");
  const tag = randomUUID().slice(0, 8);
  const mk = async (who: string, workspaceName: string): Promise<Person> => {
    const email = `${who}-${tag}@example.test`;
    const password = `${who}-password-${tag}`;
    const { userId, workspaceId } = await signUp({ name: who, email, password, workspaceName });
    return { email, password, userId, workspaceId, name: who, workspaceName, role: "admin" };
  };
  const adminA = await mk("admin-a", "Alpha");
  const adminB = await mk("admin-b", "Bravo");
  const email = `organiser-a-${tag}@example.test`;
  const password = `organiser-password-${tag}`;
  const user = await db.user.create({
    data: { name: "Organiser A", email, passwordHash: await hashPassword(password) },
  });
  await db.membership.create({ data: { userId: user.id, workspaceId: adminA.workspaceId, role: "organiser" } });
  const organiserA: Person = { ...adminA, email, password, userId: user.id, name: user.name, role: "organiser" };
  return { adminA, adminB, organiserA };
}

export async function signedIn(base: string, who: Person): Promise<Client> {
  const client = new Client(base);
  const res = await client.signIn(who.email, who.password);
  if (res.status !== 302 || !res.headers.get("location")?.endsWith("/meetings"))
    throw new Error(`sign-in failed for ${who.email}: ${res.status} ${res.headers.get("location")}`);
  return client;
}

/** A meeting created through POST /api/meetings (meetingInput's valid body with `overrides`): its id. */
export async function postMeeting(client: Client, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client.json("/api/meetings", "POST", meetingInput(overrides));
  if (res.status !== 201) throw new Error(`POST /api/meetings answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { meeting: { id: string } }).meeting.id;
}

/** A participant added through the meeting's participants API: its id. */
export async function postParticipant(
  client: Client,
  meetingId: string,
  person: { name: string; phone: string } = { name: "Amina", phone: "+254712000001" },
): Promise<string> {
  const res = await client.json(`/api/meetings/${meetingId}/participants`, "POST", person);
  if (res.status !== 201) throw new Error(`POST participants answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { participant: { id: string } }).participant.id;
}
