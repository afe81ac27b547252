import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_EMULATOR_URL } from "./support/urls";

// The emulator's phones console, driven like a person demoing the product:
// a call placed through the real Sautikit API rings a manual-answer phone,
// someone clicks Answer in the console, and the transcript shows what the
// caller hears from the voice callback's reply.
//
// Each test places its calls from a fresh emulator workspace (its own key and
// numbers, no routing), so none of its call events reach the app under test.

const EMULATOR_URL = process.env.E2E_EMULATOR_URL ?? E2E_EMULATOR_URL;

type Account = { apiKey: string; callerId: string; name: string };

async function createAccount(request: APIRequestContext, name: string): Promise<Account> {
  const response = await request.post(`${EMULATOR_URL}/_emulator/workspaces`, { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { api_key: string; numbers: Array<{ e164: string; role: string }> };
  const callerId = body.numbers.find((n) => n.role === "caller_id")?.e164;
  if (!callerId) throw new Error("the new emulator workspace has no caller-ID number");
  return { apiKey: body.api_key, callerId, name };
}

type Callback = { form: URLSearchParams; headers: IncomingMessage["headers"] };

/** A voice-callback receiver answering every call with Say then Conference. */
async function startVoiceReceiver(
  actions: unknown[],
): Promise<{ url: string; callbacks: Callback[]; close(): Promise<void> }> {
  const callbacks: Callback[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      callbacks.push({ form: new URLSearchParams(Buffer.concat(chunks).toString("utf8")), headers: req.headers });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ actions }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/voice`,
    callbacks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A manual-answer magic number (+254 700 000 5NN): rings until someone answers it. */
function manualNumber(): string {
  return `+2547000005${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
}

/** An ordinary mobile number (answers by default) no earlier run has used. */
function freshNumber(): string {
  return `+25471${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

async function placeCall(
  request: APIRequestContext,
  account: Account,
  to: string,
  voiceCallbackUrl?: string,
): Promise<string> {
  const response = await request.post(`${EMULATOR_URL}/v1/calls`, {
    headers: { Authorization: `Bearer ${account.apiKey}` },
    data: { from: account.callerId, to, ...(voiceCallbackUrl ? { voice_callback_url: voiceCallbackUrl } : {}) },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { call_id: string; status: string };
  expect(body.status).toBe("ringing");
  return body.call_id;
}

async function callStatus(request: APIRequestContext, account: Account, callId: string): Promise<string> {
  const response = await request.get(`${EMULATOR_URL}/v1/calls/${callId}`, {
    headers: { Authorization: `Bearer ${account.apiKey}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { call: { status: string } }).call.status;
}

test("answering a ringing phone in the console shows what its caller hears", async ({ page, request }) => {
  const phone = manualNumber();
  const account = await createAccount(request, "Console e2e: answer");
  const room = `console-e2e-${Date.now().toString(36)}`;
  const greeting = `Karibu kwa mkutano ${room}`;
  const receiver = await startVoiceReceiver([
    { say: { text: greeting, language: "sw-KE" } },
    { conference: { name: room } },
  ]);
  try {
    await page.goto(`${EMULATOR_URL}/`);
    await expect(page.getByRole("heading", { name: "Phones console" })).toBeVisible();
    await expect(page.getByTestId("connection")).toHaveText(/Live/);

    const callId = await placeCall(request, account, phone, receiver.url);

    const card = page.getByTestId(`phone-${phone}`);
    await expect(card.getByTestId("phone-state")).toHaveText("Ringing");
    // Screen-reader users hear it too (the page's aria-live region).
    await expect(page.getByTestId("announcer")).toContainText(`${phone.slice(-3)}: Ringing`);
    await expect(card.getByText(greeting)).toHaveCount(0);
    // Nothing is asked of the app until the phone is answered.
    expect(receiver.callbacks).toHaveLength(0);

    await card.getByRole("button", { name: "Answer" }).click();

    const transcript = card.getByRole("list", { name: /^Transcript for/ });
    const sayLine = transcript.getByRole("listitem").filter({ hasText: greeting });
    await expect(sayLine).toBeVisible();
    await expect(sayLine).toContainText("sw-KE");
    await expect(card.getByTestId("phone-state")).toHaveText(/In call|Waiting/);
    await expect(card.getByRole("button", { name: "Answer" })).toBeDisabled();

    // The console showed the reply to the emulator's real voice callback for this call.
    expect(receiver.callbacks).toHaveLength(1);
    const form = receiver.callbacks[0]!.form;
    expect(form.get("CallId")).toBe(callId);
    expect(form.get("To")).toBe(phone);
    expect(receiver.callbacks[0]!.headers["x-sautikit-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    // The room panel follows the conference the reply put the call in.
    const roomItem = page.getByTestId(`room-${room}`);
    await expect(roomItem).toContainText("Live");
    await expect(roomItem.getByRole("list", { name: `Members of ${room}` })).toContainText(phone.slice(-3));

    await card.getByRole("button", { name: "Hang up" }).click();
    await expect(card.getByTestId("phone-state")).toHaveText(/Call ended|Idle/);
    await expect(roomItem).toContainText("Ended");

    expect(await callStatus(request, account, callId)).toBe("completed");
  } finally {
    await receiver.close();
  }
});

test("a phone's behaviour set in the console reaches the emulator", async ({ page, request }) => {
  const phone = freshNumber();
  const account = await createAccount(request, "Console e2e: behaviour");
  await page.goto(`${EMULATOR_URL}/`);
  await expect(page.getByTestId("connection")).toHaveText(/Live/);

  // A bad number is refused with a message and adds nothing.
  await page.getByLabel("Number", { exact: true }).fill("0712");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Enter a phone number in international format")).toBeVisible();

  await page.getByLabel("Number", { exact: true }).fill(phone);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const card = page.getByTestId(`phone-${phone}`);
  await expect(card.getByTestId("phone-state")).toHaveText("Idle");

  await card.getByText("Settings", { exact: true }).click();
  await card.getByLabel("When called").selectOption("busy");
  await card.getByRole("button", { name: "Apply" }).click();

  await expect
    .poll(async () => {
      const state = (await (await request.get(`${EMULATOR_URL}/_emulator/state`)).json()) as {
        phones: Array<{ e164: string; behaviour: unknown }>;
      };
      return state.phones.find((p) => p.e164 === phone)?.behaviour;
    })
    .toBe("busy");
  await expect(card.getByRole("button", { name: "Apply" })).toBeDisabled();

  // And the emulator honours it: a call to that phone is busy, shown live.
  const callId = await placeCall(request, account, phone);
  await expect.poll(() => callStatus(request, account, callId)).toBe("busy");
  await expect(card.getByTestId("phone-state")).toHaveText("Call ended");
  await expect(card.getByRole("list", { name: /^Transcript for/ })).toContainText("Call ended (busy)");
});

test("the API requests panel lists /v1 requests with their replay, and filters them; the faults panel shows and sets the seed", async ({
  page,
  request,
}) => {
  const account = await createAccount(request, "Console e2e: requests");
  await page.goto(`${EMULATOR_URL}/`);
  await expect(page.getByTestId("connection")).toHaveText(/Live/);

  const key = `console-e2e-${Date.now().toString(36)}`;
  const headers = { Authorization: `Bearer ${account.apiKey}`, "Idempotency-Key": key };
  const data = { from: account.callerId, to: manualNumber() };
  const first = await request.post(`${EMULATOR_URL}/v1/calls`, { headers, data });
  const replay = await request.post(`${EMULATOR_URL}/v1/calls`, { headers, data });
  expect(replay.headers()["idempotent-replay"]).toBe("true");
  const missing = await request.get(`${EMULATOR_URL}/v1/calls/${key}-missing`, {
    headers: { Authorization: `Bearer ${account.apiKey}` },
  });
  expect(missing.status()).toBe(404);

  const table = page.getByTestId("requests-table");
  await page.getByLabel("Filter by method, path, request id, error or idempotency key").fill(key);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Replayed" })).toContainText(replay.headers()["request-id"]!);
  await expect(rows.filter({ hasText: "Replayed" })).toContainText("201");
  await expect(table.getByText(first.headers()["request-id"]!)).toBeVisible();

  await page.getByLabel("Status", { exact: true }).selectOption("4xx");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("calls.not_found");
  await page.getByLabel("Filter by method, path, request id, error or idempotency key").fill("nothing-matches-this");
  await expect(page.getByText("No requests match the filter.")).toBeVisible();

  const seed = 424242 + Math.floor(Math.random() * 1000);
  await page.getByLabel("New seed").fill(String(seed));
  await page.getByRole("button", { name: "Set seed" }).click();
  await expect(page.getByTestId("fault-seed")).toHaveText(String(seed));
  const faults = (await (await request.get(`${EMULATOR_URL}/_emulator/faults`)).json()) as { seed: number };
  expect(faults.seed).toBe(seed);
});

test("Drop (network) on a live call ends it as a network drop", async ({ page, request }) => {
  const phone = manualNumber();
  const account = await createAccount(request, "Console e2e: drop");
  const receiver = await startVoiceReceiver([{ conference: { name: `drop-e2e-${Date.now().toString(36)}` } }]);
  try {
    await page.goto(`${EMULATOR_URL}/`);
    await expect(page.getByTestId("connection")).toHaveText(/Live/);
    const callId = await placeCall(request, account, phone, receiver.url);
    const card = page.getByTestId(`phone-${phone}`);
    await expect(card.getByTestId("phone-state")).toHaveText("Ringing");
    // Not answered yet: there is no call for the network to drop.
    await expect(card.getByRole("button", { name: "Drop (network)" })).toBeDisabled();
    await card.getByRole("button", { name: "Answer" }).click();
    await expect(card.getByTestId("phone-state")).toHaveText(/In call|Waiting/);
    await card.getByRole("button", { name: "Drop (network)" }).click();
    await expect(card.getByTestId("phone-state")).toHaveText(/Call ended|Idle/);
    await expect(card.getByRole("list", { name: /^Transcript for/ })).toContainText("network dropped the call");
    expect(await callStatus(request, account, callId)).toBe("completed");
  } finally {
    await receiver.close();
  }
});
