// Answers a manual emulated phone the way a person does when Mkutano calls: pick up, wait for the
// "press 1 to join" prompt (English or Swahili), press 1. Auto-answering phones do this by themselves.
// For callers that hold only the emulator's URL (Playwright specs); integration tests use
// app.emulator.answerAndConfirm from the fixture.
import { emulatorClient } from "./emulator-control";

/** Waits until the phone's current call has played the prompt (after it was answered), then presses `key`. */
export function pressWhenAsked(emulatorUrl: string, e164: string, key = "1", timeoutMs = 30_000): Promise<void> {
  return emulatorClient(emulatorUrl).pressWhenAsked(e164, key, timeoutMs);
}

/** Answers a ringing manual phone and confirms the join. */
export function answerAndConfirm(emulatorUrl: string, e164: string): Promise<void> {
  return emulatorClient(emulatorUrl).answerAndConfirm(e164);
}
