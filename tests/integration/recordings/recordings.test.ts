// Recordings end to end on real parts: a recorded meeting runs in the emulator, its `end` status
// event and `call.recording.ready` arrive through the app's signed webhook routes, and playback,
// scope, deletion and the retention sweep talk to the emulator's real recording endpoints.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { connectedWorkspace, liveMeeting, until } from "./support";
import { postSigned } from "../meetings/support";
import { retentionInputSchema } from "@/lib/shared/api-schemas";

const app = appFixture({
  modules: () => [
    import("@/lib/recordings/lookup-recording"),
    import("@/lib/recordings/get-recording"),
    import("@/lib/recordings/list-recordings"),
    import("@/lib/recordings/stream-recording"),
    import("@/lib/recordings/delete-recording"),
    import("@/lib/recordings/retention"),
    import("@/lib/recordings/capture-recording"),
  ],
});
const m = app.lib;
let ws: Awaited<ReturnType<typeof connectedWorkspace>>;
let other: Awaited<ReturnType<typeof connectedWorkspace>>;

beforeAll(async () => {
  ws = await connectedWorkspace(app, "Recordings A");
  other = await connectedWorkspace(app, "Recordings B");
});

async function recordingCallIdOf(roomName: string): Promise<string> {
  return until("the emulator to pick the recording leg", async () => {
    const room = (await app.emulator.state()).rooms.find(
      (r) => r.name === roomName && r.workspace_id === ws.emulatorWorkspaceId,
    );
    return room?.recording_call_id ?? undefined;
  });
}

/** Runs one recorded meeting to its end and waits until both recording deliveries were applied. */
async function recordedMeeting() {
  const { meeting } = await liveMeeting(m.db, ws.organiser, { record: true });
  const callId = await recordingCallIdOf(meeting.roomName);
  return { meeting, callId };
}

async function endAndCapture(meetingId: string, callId: string) {
  await m.endMeeting(ws.organiser, meetingId);
  return until("the recording row with its size", async () => {
    const row = await m.db.recording.findUnique({ where: { callId } });
    return row?.sizeBytes ? row : undefined;
  });
}

describe("recordings", () => {
  let meetingId: string;
  let recordingId: string;
  let callId: string;

  it("goes from pending (room live) to ready (room ended) and stores one row", { timeout: 90_000 }, async () => {
    const run = await recordedMeeting();
    meetingId = run.meeting.id;
    callId = run.callId;

    // While the room is live Sautikit answers 202 with a retry hint, and nothing is stored yet.
    const pending = await m.lookupRecordingAt(ws.workspaceId, callId);
    expect(pending).toEqual({ status: "pending", retryAfterSeconds: expect.any(Number) });
    expect(pending.status === "pending" && pending.retryAfterSeconds).toBeGreaterThan(0);
    expect(await m.db.recording.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);

    // A provider may announce the recording before its file is ready: playback then answers 202
    // with Sautikit's retry hint instead of a broken player.
    const early = await m.captureRecording({
      workspaceId: ws.workspaceId,
      meetingId,
      callId,
      source: "conference.end",
    });
    expect(early.status).toBe("created");
    const earlyId = (early as { recordingId: string }).recordingId;
    expect((await m.getRecording(ws.admin, earlyId)).availability).toMatchObject({ status: "pending" });
    const waiting = await m.streamRecording(ws.admin, earlyId, "play", null);
    expect(waiting.status).toBe(202);
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await waiting.json()).toMatchObject({ status: "pending", message: expect.stringContaining("preparing") });
    const swahili = await m.streamRecording(ws.admin, earlyId, "play", null, { locale: "sw" });
    expect(await swahili.json()).toMatchObject({
      message: "Sautikit bado inaandaa rekodi hii. Jaribu tena baada ya muda mfupi.",
    });
    expect(await m.db.auditLog.count({ where: { target: earlyId } })).toBe(0);

    const row = await endAndCapture(meetingId, callId);
    expect(row.id).toBe(earlyId);
    recordingId = row.id;
    expect(row).toMatchObject({ workspaceId: ws.workspaceId, meetingId, callId, deletedAt: null });
    expect(row.durationSeconds).toBeGreaterThanOrEqual(1);
    // 44-byte header + 8 kHz mono 16-bit PCM, as long as the room lasted (duration is rounded).
    expect(Math.round((row.sizeBytes! - 44) / 16_000)).toBe(row.durationSeconds);

    // Both deliveries were applied by the pipeline: the end event and the ready event.
    const kinds = (
      await m.db.webhookEvent.findMany({
        where: { workspaceId: ws.workspaceId, OR: [{ callId }, { kind: "conference.end" }] },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["conference.end", "call.recording.ready"]));

    const details = await m.getRecording(ws.admin, recordingId);
    expect(details.availability).toEqual({ status: "ready" });
  });

  it("stores one row however often the ready and end events are delivered", { timeout: 30_000 }, async () => {
    const secret = m.decryptSecret(
      (await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: ws.workspaceId } })).signingSecretEnc,
    );
    const ready = await m.db.webhookEvent.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, kind: "call.recording.ready", callId },
    });
    const end = await m.db.webhookEvent.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, kind: "conference.end", roomName: { not: null } },
      orderBy: { receivedAt: "desc" },
    });
    const base = `${app.url}/api/sautikit/${ws.workspaceId}`;

    // The same delivery again (a retry): deduplicated by event id.
    const again = await postSigned(`${base}/call-events`, ready.rawBody, "application/json", secret);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });

    // The same facts under new event ids (as a second provider delivery path would send them):
    // accepted by the pipeline, and still one row.
    const readyBody = JSON.parse(ready.rawBody) as Record<string, unknown>;
    const fresh = await postSigned(
      `${base}/call-events`,
      JSON.stringify({ ...readyBody, event_id: randomUUID() }),
      "application/json",
      secret,
    );
    expect(fresh.status).toBe(200);
    const endBody = new URLSearchParams(end.rawBody);
    endBody.set("EventId", randomUUID());
    const endAgain = await postSigned(
      `${base}/conference/events`,
      endBody.toString(),
      "application/x-www-form-urlencoded",
      secret,
    );
    expect(endAgain.status).toBe(200);

    const rows = await m.db.recording.findMany({ where: { callId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(recordingId);
  });

  it("streams a real WAV from a fresh URL and audits the playback", { timeout: 30_000 }, async () => {
    const res = await m.streamRecording(ws.admin, recordingId, "play", null);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("content-disposition")).toMatch(
      /^inline; filename="[A-Za-z0-9._-]+\.wav"; filename\*=UTF-8''[^"\s]+\.wav$/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WAVE");
    const row = await m.db.recording.findUniqueOrThrow({ where: { id: recordingId } });
    expect(bytes.length).toBe(row.sizeBytes);

    const dl = await m.streamRecording(ws.admin, recordingId, "download", null);
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; /);
    await dl.body?.cancel();

    const audit = await m.db.auditLog.findMany({
      where: { workspaceId: ws.workspaceId, target: recordingId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["recording.played", "recording.downloaded"]);
    expect(audit.every((a) => a.actorId === ws.admin.userId)).toBe(true);
  });

  it("scopes recordings: organisers see their own meetings only, other workspaces nothing", async () => {
    expect((await m.listRecordings(ws.admin)).map((r) => r.id)).toEqual([recordingId]);
    expect((await m.listRecordings(ws.organiser)).map((r) => r.id)).toEqual([recordingId]);
    const list = await m.listRecordings(ws.admin, { meetingId });
    expect(list[0]).toMatchObject({ meetingId, participants: 2, organiserName: "The organiser" });

    // A second organiser of the same workspace, and both members of another workspace.
    const user = await m.db.user.create({
      data: { email: `o2-${randomUUID()}@example.test`, name: "Other organiser", passwordHash: "x" },
    });
    await m.db.membership.create({ data: { userId: user.id, workspaceId: ws.workspaceId, role: "organiser" } });
    const colleague = { ...ws.organiser, userId: user.id, name: user.name };
    for (const outsider of [colleague, other.admin, other.organiser]) {
      expect(await m.listRecordings(outsider)).toEqual([]);
      await expect(m.getRecording(outsider, recordingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(m.streamRecording(outsider, recordingId, "play", null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Filters: a day range that excludes it, and a bad range that is refused.
    expect(await m.listRecordings(ws.admin, { from: "2000-01-01", to: "2000-01-02" })).toEqual([]);
    const { recordingFiltersSchema } = await import("@/lib/recordings/list-recordings");
    expect(recordingFiltersSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
  });

  it("lets only admins delete, deletes through Sautikit and audits it", { timeout: 30_000 }, async () => {
    await expect(m.deleteRecording(ws.organiser, recordingId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(m.deleteRecording(other.admin, recordingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await m.lookupRecordingAt(ws.workspaceId, callId)).toEqual({ status: "ready", url: expect.any(String) });

    expect(await m.deleteRecording(ws.admin, recordingId)).toEqual({ deletedAtSautikit: true });
    expect(await m.lookupRecordingAt(ws.workspaceId, callId)).toMatchObject({ status: "gone" });
    expect((await m.db.recording.findUniqueOrThrow({ where: { id: recordingId } })).deletedAt).not.toBeNull();
    expect(await m.listRecordings(ws.admin)).toEqual([]);
    await expect(m.getRecording(ws.admin, recordingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await m.db.auditLog.findFirstOrThrow({
      where: { workspaceId: ws.workspaceId, action: "recording.deleted", target: recordingId },
    });
    expect(audit.actorId).toBe(ws.admin.userId);
  });

  it("sweeps recordings older than the retention through Sautikit, daily", { timeout: 90_000 }, async () => {
    const run = await recordedMeeting();
    const row = await endAndCapture(run.meeting.id, run.callId);
    await expect(m.setRetention(ws.organiser, { retentionDays: 30 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(() => retentionInputSchema.parse({ retentionDays: 0 })).toThrow();
    await m.setRetention(ws.admin, { retentionDays: 30 });

    // Not yet expired: kept.
    const now = new Date();
    expect((await m.runRetentionSweepJob(now)).deleted).toBe(0);
    expect(await m.lookupRecordingAt(ws.workspaceId, run.callId)).toMatchObject({ status: "ready" });

    // 31 days later: deleted at Sautikit, hidden, audited as the system's action.
    const later = new Date(now.getTime() + 31 * 86_400_000);
    expect(await m.runRetentionSweepJob(later)).toEqual({ deleted: 1, failed: 0 });
    expect(await m.lookupRecordingAt(ws.workspaceId, run.callId)).toMatchObject({ status: "gone" });
    expect((await m.db.recording.findUniqueOrThrow({ where: { id: row.id } })).deletedAt).not.toBeNull();
    const audit = await m.db.auditLog.findFirstOrThrow({
      where: { action: "recording.deleted_by_retention", target: row.id },
    });
    expect(audit.actorId).toBeNull();
    // Idempotent, and the next day's sweep is queued exactly once.
    expect(await m.runRetentionSweepJob(later)).toEqual({ deleted: 0, failed: 0 });
    const next = await m.db.job.findMany({
      where: { kind: m.RETENTION_SWEEP_JOB, uniqueKey: { not: null } },
    });
    expect(next.map((j) => j.uniqueKey)).toContain(
      `${m.RETENTION_SWEEP_JOB}:${new Date(later.getTime() + 86_400_000).toISOString().slice(0, 10)}`,
    );
  });
});
