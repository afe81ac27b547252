// The live roster over Server-Sent Events, per process: one "channel" per meeting shares the
// database work among all of that meeting's open streams.
//
// - One roster read per change wave per meeting, fanned out to every stream (not one per stream).
// - Every stream is re-authorized (session still active, user still a member) at least every
//   REAUTH_MS and before each push, in one batched check per meeting; a stream that fails it gets
//   `event: denied` and is closed.
// - A stream lives at most MAX_LIFETIME_MS (plus a little jitter so streams opened together do not
//   all reconnect together); it then gets `event: reconnect` and is closed, and the browser opens a
//   new one at once without showing a gap (lib/hooks/use-meeting-roster.ts).
// - At most MAX_STREAMS_PER_USER streams per user per meeting per process; one more is refused
//   with 429 rather than closing the oldest: closing would make a user with one tab too many
//   cycle their tabs through endless reconnects, while a refused tab falls back to polling.
// - A comment line every HEARTBEAT_MS keeps proxies from cutting an idle stream.
// - Each stream has an audience (e.g. whether its viewer may see full phone numbers, ADR 0022): the
//   shared snapshot is presented once per audience per wave, and the audience is re-read with every
//   re-authorization, so a changed setting or role applies to the next push.
//
// No database or framework imports here: the wiring is lib/roster/open-roster-stream.ts, and the
// unit tests drive this with fake timers.
import { AppError } from "@/lib/errors";

export const ROSTER_STREAM = {
  POLL_MS: 2_000,
  HEARTBEAT_MS: 15_000,
  REAUTH_MS: 30_000,
  MAX_LIFETIME_MS: 10 * 60_000,
  LIFETIME_JITTER_MS: 30_000,
  MAX_STREAMS_PER_USER: 4,
  /** EventSource's reconnect delay after an unexpected drop. */
  RETRY_MS: 2_000,
} as const;

export type StreamPrincipal = {
  userId: string;
  sessionId: string;
  workspaceId: string;
  /** What this viewer may see of a snapshot (passed to `present`); "" when everyone sees the same. */
  audience?: string;
};

export type RosterStreamDeps<S extends { version: string }> = {
  /** Reads a meeting's roster (one shared call per wave). */
  read(meetingId: string): Promise<S>;
  /**
   * Which of these sessions may still see this meeting: the allowed session ids, or a map from each
   * allowed session id to its current audience.
   */
  authorize(
    meetingId: string,
    principals: StreamPrincipal[],
  ): Promise<ReadonlySet<string> | ReadonlyMap<string, string>>;
  /** The snapshot as one audience may receive it (default: as read). */
  present?(snapshot: S, audience: string): S;
  /** Subscribes to "this meeting's roster changed" hints; returns the unsubscribe. */
  onChange(meetingId: string, listener: () => void): () => void;
  /** 0 ≤ x < 1, for the lifetime jitter. */
  random?(): number;
  warn?(context: Record<string, unknown>, message: string): void;
};

type Subscriber = {
  principal: StreamPrincipal;
  last: string;
  send(text: string): void;
  close(): void;
};

type Channel<S> = {
  subscribers: Set<Subscriber>;
  latest: S | undefined;
  busy: boolean;
  again: boolean;
  lastAuthAt: number;
  stop(): void;
};

const encoder = new TextEncoder();

export function createRosterStreams<S extends { version: string }>(deps: RosterStreamDeps<S>) {
  const channels = new Map<string, Channel<S>>();
  const random = deps.random ?? Math.random;
  const present = deps.present ?? ((snapshot: S) => snapshot);
  const rosterFrame = (snapshot: S, audience: string) =>
    `event: roster\ndata: ${JSON.stringify(present(snapshot, audience))}\n\n`;
  const warn = deps.warn ?? (() => {});

  /** Re-checks every stream of a meeting in one call; closes those no longer allowed. */
  async function reauthorize(meetingId: string, channel: Channel<S>): Promise<void> {
    const subs = [...channel.subscribers];
    if (subs.length === 0) return;
    let allowed: ReadonlySet<string> | ReadonlyMap<string, string>;
    try {
      allowed = await deps.authorize(
        meetingId,
        subs.map((s) => s.principal),
      );
    } catch (err) {
      // Fail closed: a stream we cannot vouch for ends; the browser reconnects through the full check.
      warn({ err, meetingId }, "roster stream re-authorization failed");
      allowed = new Set();
    }
    channel.lastAuthAt = Date.now();
    for (const sub of subs) {
      if (!allowed.has(sub.principal.sessionId)) {
        sub.send("event: denied\ndata: {}\n\n");
        sub.close();
      } else if (allowed instanceof Map) {
        sub.principal.audience = allowed.get(sub.principal.sessionId) ?? "";
      }
    }
  }

  async function refresh(meetingId: string, channel: Channel<S>): Promise<void> {
    if (channel.busy) {
      channel.again = true;
      return;
    }
    channel.busy = true;
    try {
      do {
        channel.again = false;
        const snapshot = await deps.read(meetingId);
        channel.latest = snapshot;
        const due = [...channel.subscribers].filter((s) => s.last !== snapshot.version);
        if (due.length === 0) continue;
        // Before each push: nobody receives a roster they may no longer see.
        await reauthorize(meetingId, channel);
        const frames = new Map<string, string>();
        for (const sub of due) {
          if (!channel.subscribers.has(sub)) continue;
          const audience = sub.principal.audience ?? "";
          let frame = frames.get(audience);
          if (frame === undefined) frames.set(audience, (frame = rosterFrame(snapshot, audience)));
          sub.last = snapshot.version;
          sub.send(frame);
        }
      } while (channel.again && channel.subscribers.size > 0);
    } catch (err) {
      warn({ err, meetingId }, "roster stream update failed");
    } finally {
      channel.busy = false;
    }
  }

  function channelFor(meetingId: string): Channel<S> {
    const existing = channels.get(meetingId);
    if (existing) return existing;
    const channel: Channel<S> = {
      subscribers: new Set(),
      latest: undefined,
      busy: false,
      again: false,
      lastAuthAt: Date.now(),
      stop: () => {},
    };
    const off = deps.onChange(meetingId, () => void refresh(meetingId, channel));
    const poll = setInterval(() => void refresh(meetingId, channel), ROSTER_STREAM.POLL_MS);
    const beat = setInterval(() => {
      for (const sub of channel.subscribers) sub.send(": keep-alive\n\n");
    }, ROSTER_STREAM.HEARTBEAT_MS);
    const reauth = setInterval(() => {
      if (Date.now() - channel.lastAuthAt >= ROSTER_STREAM.REAUTH_MS - ROSTER_STREAM.POLL_MS)
        void reauthorize(meetingId, channel);
    }, ROSTER_STREAM.POLL_MS);
    channel.stop = () => {
      off();
      clearInterval(poll);
      clearInterval(beat);
      clearInterval(reauth);
      channels.delete(meetingId);
    };
    channels.set(meetingId, channel);
    return channel;
  }

  /**
   * Opens one stream for an already-authorized principal. Throws RATE_LIMITED when this user has
   * too many streams of this meeting open here.
   */
  function open(meetingId: string, principal: StreamPrincipal, signal?: AbortSignal): ReadableStream<Uint8Array> {
    const channel = channelFor(meetingId);
    const mine = [...channel.subscribers].filter((s) => s.principal.userId === principal.userId).length;
    if (mine >= ROSTER_STREAM.MAX_STREAMS_PER_USER) {
      if (channel.subscribers.size === 0) channel.stop();
      throw new AppError("RATE_LIMITED", "tooManyLiveViews", {
        params: { count: mine },
        retryAfter: ROSTER_STREAM.REAUTH_MS / 1000,
      });
    }
    let cleanup = () => {};
    return new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        const sub: Subscriber = {
          // Its own copy: re-authorization updates the audience on it.
          principal: { ...principal },
          last: "",
          send(text) {
            if (closed) return;
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              sub.close();
            }
          },
          close() {
            cleanup();
          },
        };
        const lifetime = setTimeout(
          () => {
            sub.send("event: reconnect\ndata: {}\n\n");
            sub.close();
          },
          ROSTER_STREAM.MAX_LIFETIME_MS + Math.floor(random() * ROSTER_STREAM.LIFETIME_JITTER_MS),
        );
        cleanup = () => {
          if (closed) return;
          closed = true;
          clearTimeout(lifetime);
          signal?.removeEventListener("abort", cleanup);
          channel.subscribers.delete(sub);
          if (channel.subscribers.size === 0) channel.stop();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        signal?.addEventListener("abort", cleanup);
        channel.subscribers.add(sub);
        if (signal?.aborted) return cleanup();
        sub.send(`retry: ${ROSTER_STREAM.RETRY_MS}\n\n`);
        // The opener was authorized a moment ago (the route's full check): the current roster goes
        // out at once, from the shared copy when there is one.
        if (channel.latest) {
          sub.last = channel.latest.version;
          sub.send(rosterFrame(channel.latest, sub.principal.audience ?? ""));
        }
        void refresh(meetingId, channel);
      },
      cancel() {
        cleanup();
      },
    });
  }

  return {
    open,
    /** Open streams per meeting (tests, diagnostics). */
    counts(): Record<string, number> {
      return Object.fromEntries([...channels].map(([id, c]) => [id, c.subscribers.size]));
    },
  };
}
