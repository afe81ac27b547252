import "server-only";

/**
 * Thrown by a job handler that is not done and must run again after `delayMs`, however many times
 * it already ran: the job is rescheduled and never counted towards its maxAttempts (a dial held
 * back by a Sautikit outage keeps its place for as long as the meeting is open). Anything else
 * thrown is an ordinary failure, retried with the runner's backoff until maxAttempts.
 */
export class RetryLater extends Error {
  readonly delayMs: number;

  constructor(message: string, delayMs: number, opts: { cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "RetryLater";
    this.delayMs = Math.max(0, Math.floor(delayMs));
  }
}

export function isRetryLater(e: unknown): e is RetryLater {
  return e instanceof RetryLater;
}
