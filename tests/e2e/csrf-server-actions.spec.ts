import { type APIRequestContext, expect, test } from "@playwright/test";
import { DEMO_ADMIN, runTag, signedInRequest } from "./support/fixtures";
import { E2E_APP_URL } from "./support/urls";

// CSRF on server actions, against the production build. Next compares a server action's Origin
// with the Host it was sent to. The form is posted as a browser posts it with JavaScript off (the
// hidden $ACTION_* fields React renders into the page), once from a foreign Origin — refused,
// nothing created — and once from the app's own origin, which works, so the refusal is known to
// be the origin check and not a malformed post.

const run = runTag();

let admin: APIRequestContext;

test.beforeAll(async () => {
  admin = await signedInRequest(DEMO_ADMIN);
});
test.afterAll(() => admin?.dispose());

/** The hidden fields React renders for a progressively enhanced form, read from the page's HTML. */
async function actionFields(path: string): Promise<Record<string, string>> {
  const html = await (await admin.get(path)).text();
  const fields: Record<string, string> = {};
  for (const input of html.match(/<input[^>]*name="\$ACTION[^"]*"[^>]*>/g) ?? []) {
    const name = /name="([^"]+)"/.exec(input)![1]!;
    const value = /value="([^"]*)"/.exec(input)?.[1] ?? "";
    fields[name] = value
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
  }
  expect(Object.keys(fields), `server action fields on ${path}`).not.toHaveLength(0);
  return fields;
}

/** Whether the signed-in admin's workspace switcher lists a workspace of that name. */
async function hasWorkspace(name: string): Promise<boolean> {
  return (await (await admin.get("/meetings")).text()).includes(name);
}

test("a server action posted from another site is refused and creates nothing; from this site it works", async () => {
  const forgedName = `Forged ${run}`;
  const forged = await admin.post("/workspaces/new", {
    headers: { origin: "https://evil.example" },
    multipart: { ...(await actionFields("/workspaces/new")), name: forgedName },
    maxRedirects: 0,
  });
  expect(forged.status(), "foreign Origin").toBeGreaterThanOrEqual(400);
  expect(await hasWorkspace(forgedName)).toBe(false);

  const realName = `Real ${run}`;
  const real = await admin.post("/workspaces/new", {
    headers: { origin: E2E_APP_URL },
    multipart: { ...(await actionFields("/workspaces/new")), name: realName },
    maxRedirects: 0,
  });
  expect(real.status(), `same origin: ${real.status()}`).toBeLessThan(400);
  await expect.poll(() => hasWorkspace(realName)).toBe(true);
});
