// GET /api/recordings/:id — one recording and whether Sautikit can serve it now; DELETE — delete it (admins, audited)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { deleteRecording } from "@/lib/recordings/delete-recording";
import { getRecording } from "@/lib/recordings/get-recording";

export const dynamic = "force-dynamic";

export const GET = route<{ recordingId: string }>(async (req, { params }) => {
  const recording = await getRecording(await requireApiActor(req), params.recordingId);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (recording.availability.status === "pending")
    headers["Retry-After"] = String(recording.availability.retryAfterSeconds);
  return Response.json({ recording }, { headers });
});

export const DELETE = route<{ recordingId: string }>(async (req, { params }) =>
  deleteRecording(await requireApiActor(req, { admin: true }), params.recordingId),
);
