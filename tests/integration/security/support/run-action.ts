// Runs a server action the way Next runs it: inside a request context built from a real request
// (the caller's session cookie, a same-origin Origin), so `auth()`, `cookies()`, `redirect()`,
// `forbidden()` and `revalidatePath()` behave as under `next start`. A redirect comes back as its
// Location, forbidden()/notFound() as 403/404, a returned form state as JSON; anything else the
// action throws is rethrown, i.e. a failure.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import type { FormState } from "@/lib/http/form-state";
import { runInNextContext } from "../../support/next-context";

export type ActionOutcome = { status: number; state: FormState | null; location: string | null; setCookies: string[] };

export async function runAction(
  baseUrl: string,
  page: string,
  cookie: string,
  invoke: () => Promise<unknown>,
): Promise<ActionOutcome> {
  const request = new NextRequest(`${baseUrl}${page}`, {
    method: "POST",
    // As a browser's request through `next start` carries them (Auth.js builds its URLs from Host).
    headers: {
      cookie,
      host: new URL(baseUrl).host,
      "x-forwarded-proto": "http",
      origin: baseUrl,
      "x-mkutano-path": page,
    },
  });
  const pending: Promise<unknown>[] = [];
  const res = await runInNextContext(
    page,
    request,
    async () => Response.json((await withIncrementalCache(invoke)) ?? null),
    {},
    { waitUntil: (p) => void pending.push(p), onClose: () => {} },
  );
  await Promise.allSettled(pending);
  const location = res.headers.get("location");
  const state = res.status === 200 ? ((await res.json()) as FormState | null) : null;
  return { status: res.status, state, location, setCookies: res.headers.getSetCookie() };
}

export function form(fields: Record<string, string | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.set(k, v);
  return fd;
}

const { workAsyncStorage } = createRequire(import.meta.url)(
  "next/dist/server/app-render/work-async-storage.external",
) as {
  workAsyncStorage: { getStore(): { incrementalCache?: unknown } | undefined };
};

/**
 * revalidatePath() records tags on the work store and insists on an incremental cache being
 * there (`next start` always has one); the tags are not flushed here, so an empty one will do.
 */
async function withIncrementalCache<T>(invoke: () => Promise<T>): Promise<T> {
  const store = workAsyncStorage.getStore();
  if (store && !store.incrementalCache) store.incrementalCache = {};
  return invoke();
}

const GENERIC = /Something went wrong on our side/;

/**
 * A refusal a person can act on: form state with an error message that is not the generic 500
 * text (which means the action hit an unexpected error), no redirect, no stack or driver text,
 * and — when the input broke one field — that field (or one of its aliases) named in fieldErrors.
 */
export function expectRefused(out: ActionOutcome, what: string, field?: string | string[]): void {
  expect(out.status, `${what}: ${JSON.stringify(out.state)}`).toBe(200);
  expect(out.location, `${what}: redirected instead of refusing`).toBeNull();
  const state = out.state;
  expect(state?.ok, `${what}: ${JSON.stringify(state)}`).not.toBe(true);
  expect(state?.error, `${what}: no error message`).toMatch(/\w{3,}/);
  expect(state?.error, `${what}: unexpected error`).not.toMatch(GENERIC);
  expect(JSON.stringify(state), what).not.toMatch(/prisma|\\n\s+at |TypeError|Cannot read|invalid byte sequence/i);
  if (field) {
    const message = [field]
      .flat()
      .map((f) => state?.fieldErrors?.[f])
      .find(Boolean);
    expect(
      message,
      `${what}: fieldErrors.${[field].flat().join("|")} in ${JSON.stringify(state?.fieldErrors)}`,
    ).toMatch(/\w{3,}/);
  }
}
