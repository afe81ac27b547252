// Answers a manual emulated phone the way a person does when Mkutano calls: pick up, wait for the
// "press 1 to join" prompt (English or Swahili), press 1. Auto-answering phones do this by themselves.

import { emulatorControl } from "./emulator-control";

const PROMPT = /Press 1 to (re)?join|Bonyeza 1/;

const control = emulatorControl;

/** Waits until the phone's current call has played the prompt (after it was answered), then presses `key`. */
export async function pressWhenAsked(emulatorUrl: string, e164: string, key = "1", timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await control(emulatorUrl, "/state");
    const phone = state.phones.find((p: { e164: string }) => p.e164 === e164);
    const lines: { kind: string; text: string }[] = phone?.transcript ?? [];
    const answeredAt = lines.map((l) => l.text).lastIndexOf("Call answered");
    if (
      phone?.call_id &&
      answeredAt >= 0 &&
      lines.slice(answeredAt).some((l) => l.kind === "say" && PROMPT.test(l.text))
    )
      break;
    if (Date.now() > deadline)
      throw new Error(`${e164} was never asked to press a key; transcript: ${JSON.stringify(lines.slice(-8))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await control(emulatorUrl, `/phones/${encodeURIComponent(e164)}/digits`, "POST", { digits: key });
}

/** Answers a ringing manual phone and confirms the join. */
export async function answerAndConfirm(emulatorUrl: string, e164: string): Promise<void> {
  await control(emulatorUrl, `/phones/${encodeURIComponent(e164)}/answer`, "POST");
  await pressWhenAsked(emulatorUrl, e164);
}
