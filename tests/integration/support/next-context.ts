// Runs a route handler inside the request context Next gives it in production, so `cookies()`,
// `headers()`, `redirect()`, `notFound()`, `forbidden()` and `after()` behave as under `next start`.
// Built from Next's own internals (the same calls its app-route module makes), pinned with next@16.4.6.
import { createRequire } from "node:module";
import type { NextRequest } from "next/server";

const require = createRequire(import.meta.url);
const next = (path: string) => require(`next/dist/${path}`) as Record<string, any>;

const { createRequestStoreForAPI } = next("server/async-storage/request-store");
const { createWorkStore } = next("server/async-storage/work-store");
const { workAsyncStorage } = next("server/app-render/work-async-storage.external");
const { workUnitAsyncStorage } = next("server/app-render/work-unit-async-storage.external");
const { actionAsyncStorage } = next("server/app-render/action-async-storage.external");
const { getImplicitTags } = next("server/lib/implicit-tags");
const { appendMutableCookies } = next("server/web/spec-extension/adapters/request-cookies");
const { isRedirectError } = next("client/components/redirect-error");
const { getURLFromRedirectError, getRedirectStatusCodeFromError } = next("client/components/redirect");
const { isHTTPAccessFallbackError, getAccessFallbackHTTPStatus } = next(
  "client/components/http-access-fallback/http-access-fallback",
);

export type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
) => unknown;

/** How the server keeps `after()` work alive and tells it the response has been sent. */
export type Lifecycle = { waitUntil(p: Promise<unknown>): void; onClose(cb: () => void): void };

/** Calls `handler` as Next would and returns its Response (redirects and 404/403 interrupts mapped). */
export async function runInNextContext(
  page: string,
  request: NextRequest,
  handler: Handler,
  params: Record<string, string | string[]>,
  lifecycle: Lifecycle,
): Promise<Response> {
  const renderOpts = {
    experimental: { authInterrupts: true },
    cacheComponents: false,
    cacheLifeProfiles: {},
    staticPageGenerationTimeout: 60,
    waitUntil: lifecycle.waitUntil,
    onClose: lifecycle.onClose,
    onAfterTaskError: (e: unknown) => console.error("after() task failed", e),
  };
  const workStore = createWorkStore({
    page,
    renderOpts,
    buildId: "integration-tests",
    deploymentId: "",
    previouslyRevalidatedTags: [],
  });
  // Route handlers that read the request are dynamic; this mirrors `dynamic = "force-dynamic"`.
  workStore.forceDynamic = true;
  const implicitTags = await getImplicitTags(page, request.nextUrl.pathname, null);
  const requestStore = createRequestStoreForAPI(
    request,
    request.nextUrl,
    implicitTags,
    undefined,
    undefined,
    undefined,
  );
  const actionStore = { isAppRoute: true, isAction: false };

  try {
    const result = await actionAsyncStorage.run(actionStore, () =>
      workUnitAsyncStorage.run(requestStore, () =>
        workAsyncStorage.run(workStore, () => handler(request, { params: Promise.resolve(params) })),
      ),
    );
    if (!(result instanceof Response)) {
      throw new Error(`route handler for ${page} returned ${typeof result}, not a Response`);
    }
    // Cookies set through `cookies().set()` travel on the response, as Next merges them.
    const headers = new Headers(result.headers);
    if (appendMutableCookies(headers, requestStore.mutableCookies)) {
      return new Response(result.body, { status: result.status, statusText: result.statusText, headers });
    }
    return result;
  } catch (error) {
    if (isRedirectError(error)) {
      const headers = new Headers({ Location: getURLFromRedirectError(error) });
      appendMutableCookies(headers, requestStore.mutableCookies);
      return new Response(null, { status: getRedirectStatusCodeFromError(error), headers });
    }
    if (isHTTPAccessFallbackError(error)) return new Response(null, { status: getAccessFallbackHTTPStatus(error) });
    throw error;
  }
}
