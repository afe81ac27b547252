// GET /api/meetings/:id/stream — Server-Sent Events: the roster, pushed whenever it changes
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { buildRoster } from "@/lib/roster/get-meeting-roster";
import { onRosterChanged } from "@/lib/roster/roster-bus";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Pushes come from the in-process roster bus (webhooks handled by this process); a slow poll
// catches changes committed by another process. Bursts coalesce: one snapshot per change wave.
const POLL_MS = 2_000;
const HEARTBEAT_MS = 15_000;

export const GET = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const meeting = await findMeetingForActor(actor, params.meetingId);
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let busy = false;
      let again = false;
      let last = "";
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const push = async () => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            const snapshot = await buildRoster(meeting.id);
            if (snapshot.version !== last) {
              last = snapshot.version;
              send(`event: roster\ndata: ${JSON.stringify(snapshot)}\n\n`);
            }
          } while (again && !closed);
        } catch (err) {
          log.warn({ err, meetingId: meeting.id }, "roster stream update failed");
        } finally {
          busy = false;
        }
      };
      const off = onRosterChanged(meeting.id, () => void push());
      const poll = setInterval(() => void push(), POLL_MS);
      const beat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        off();
        clearInterval(poll);
        clearInterval(beat);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      req.signal.addEventListener("abort", cleanup);
      send("retry: 2000\n\n");
      void push();
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
