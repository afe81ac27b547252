import { expect, test, type Page } from "@playwright/test";
import { account, fillSignUp, runTag, scheduleMeeting } from "./support/fixtures";
import { E2E_APP_URL } from "./support/urls";

// Security headers against the production build (the production server of `npm start`):
// every page carries a nonce'd Content-Security-Policy that forbids framing, and still loads and
// hydrates with zero CSP violations and zero console errors in a real browser; no page (so none of
// the one-click buttons: Call everyone, End meeting, Reset…) can be put in a frame; API routes,
// static files and the production server's webhook lane carry the static headers too.

const run = runTag();

/** Records CSP violations (as the page sees them) and console errors, from the first script on. */
async function watch(page: Page): Promise<{ problems: () => Promise<string[]> }> {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    // The app has no favicon; the browser's own request for one is not the page's doing.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico"))
      consoleErrors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`csp: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return {
    problems: async () => [
      ...consoleErrors,
      ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
    ],
  };
}

function expectPageHeaders(headers: Record<string, string>, where: string): string {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${where}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, `${where}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${where}: CSP`).toContain("object-src 'none'");
  // A production build never allows eval (only `next dev` needs it).
  expect(csp, `${where}: CSP`).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toMatch(/camera=\(\).*geolocation=\(\)/);
  // Served over plain http here: no HSTS (it would pin a host that has no TLS).
  expect(headers["strict-transport-security"], where).toBeUndefined();
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

test("pages carry a nonce'd CSP, load and hydrate with no violations, and cannot be framed", async ({ page }) => {
  test.setTimeout(120_000);
  const watcher = await watch(page);

  const signUp = await page.goto("/sign-up");
  const nonce1 = expectPageHeaders(signUp!.headers(), "/sign-up");
  // Every script Next rendered carries this response's nonce.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts), "every <script> has the response's nonce").toEqual(new Set([nonce1]));
  const again = await page.request.get("/sign-up");
  expect(expectPageHeaders(again.headers(), "/sign-up again"), "a fresh nonce per response").not.toBe(nonce1);

  // Hydration: these forms only work with the page's JavaScript running (server actions, client
  // navigation, client fetches).
  await fillSignUp(page, account("Csp Checker", "csp", run), `Csp ${run}`);

  // The live roster's event stream connects (connect-src: scheduleMeeting waits for "Live updates
  // on") and a client form works.
  await scheduleMeeting(page, "Policy review");
  const meetingUrl = page.url();
  await page.getByLabel("Name", { exact: true }).fill("Amina");
  await page.getByLabel("Phone", { exact: true }).fill("+254712000123");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(1);
  expectPageHeaders((await page.request.get(meetingUrl)).headers(), "meeting page");

  for (const path of [
    "/meetings",
    "/recordings",
    "/settings",
    "/settings/members",
    "/admin/spend",
    "/admin/webhooks",
  ]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBeLessThan(400);
    expectPageHeaders(res!.headers(), path);
    await expect(page.locator("main").first(), path).toBeVisible();
  }
  await page.goto(meetingUrl);
  await expect(page.getByRole("button", { name: "Call everyone" })).toBeVisible();
  await expect(page.getByText("Live updates on")).toBeVisible();
  expect(await watcher.problems(), "CSP violations or console errors while using the app").toEqual([]);

  // Framing: another document that puts the meeting page (its one-click buttons) in a frame gets
  // nothing; the browser refuses to render it.
  const framer = await page.context().newPage();
  await framer.setContent(`<iframe id="f" src="${meetingUrl}" width="800" height="600"></iframe>`);
  await expect
    .poll(
      () =>
        framer
          .frames()
          .find((f) => f !== framer.mainFrame())
          ?.url() ?? "",
      { timeout: 15_000 },
    )
    .toMatch(/^chrome-error:/);
  const child = framer.frames().find((f) => f !== framer.mainFrame())!;
  expect(await child.locator("text=Call everyone").count()).toBe(0);
  await framer.close();
});

test("API routes, static files and the webhook lane carry the static security headers", async ({ request }) => {
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(api.headers()["x-frame-options"]).toBe("DENY");

  const html = await (await request.get("/sign-in")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset, "a static script in the sign-in page").toBeTruthy();
  const js = await request.get(asset!);
  expect(js.status()).toBe(200);
  expect(js.headers()["x-content-type-options"]).toBe("nosniff");

  // An unsigned webhook to a workspace that does not exist: answered by the production server's
  // fast lane (ADR 0008), which skips Next and so must add the headers itself.
  const lane = await request.post(`${E2E_APP_URL}/api/sautikit/00000000-0000-4000-8000-000000000000/call-events`, {
    headers: { "content-type": "application/json" },
    data: "{}",
  });
  expect(lane.status()).toBe(404);
  expect(lane.headers()["x-content-type-options"]).toBe("nosniff");
  expect(lane.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("server actions refuse a body over 256 KB (413), as a form post and as the page's script sends it", async ({
  playwright,
}) => {
  const admin = await playwright.request.newContext({ baseURL: E2E_APP_URL });
  const { csrfToken } = (await (await admin.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await admin.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "admin@demo.mkutano.local", password: "mkutano-admin-1", callbackUrl: "/meetings" },
    maxRedirects: 0,
  });
  expect(signIn.headers().location).toMatch(/\/meetings$/);
  const html = await (await admin.get("/workspaces/new")).text();
  const fields: Record<string, string> = {};
  for (const input of html.match(/<input[^>]*name="\$ACTION[^"]*"[^>]*>/g) ?? []) {
    fields[/name="([^"]+)"/.exec(input)![1]!] = (/value="([^"]*)"/.exec(input)?.[1] ?? "")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  }
  const actionId = Object.keys(fields)
    .map((k) => /^\$ACTION_ID_(.+)$/.exec(k)?.[1])
    .find(Boolean);
  expect(actionId, "the create-workspace form's action id").toBeTruthy();
  const name = `Huge ${run} ${"x".repeat(300 * 1024)}`;

  const formPost = await admin.post("/workspaces/new", {
    headers: { origin: E2E_APP_URL },
    multipart: { ...fields, name },
    maxRedirects: 0,
  });
  expect(formPost.status(), "form post (no script)").toBe(413);

  const scripted = await admin.post("/workspaces/new", {
    headers: {
      origin: E2E_APP_URL,
      "next-action": actionId!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: JSON.stringify([{ name }]),
    maxRedirects: 0,
  });
  expect(scripted.status(), "action sent by the page's script").toBe(413);
  expect((await (await admin.get("/meetings")).text()).includes(`Huge ${run}`)).toBe(false);
  await admin.dispose();
});
