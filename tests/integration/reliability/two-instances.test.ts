// Two app instances (two OS processes, each with its job worker) on one PostgreSQL: the same event
// delivered to both at once is applied once, and Call everyone dials each person exactly once at
// the workspace's pace although both workers take dial jobs.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/tests/support/emulator-process";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { sign } from "../meetings/support";
import { connectedWorkspaceWithMeeting } from "./support/connected-workspace";
import { freePort, startAppProcess } from "./support/app-process";
import { makeUntil } from "@/tests/support/until";

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const savedEnv = { ...process.env };
let emulator: RunningEmulator;
let database: TestDatabase;
let urls: string[] = [];
const children: ChildProcess[] = [];

const until = makeUntil({ timeoutMs: 60_000 });

describe.runIf(onPostgres)("two app instances on one PostgreSQL", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    emulator = await startEmulator();
    database = await createTestDatabase();
    const ports = [await freePort(), await freePort()];
    urls = ports.map((p) => `http://127.0.0.1:${p}`);
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      APP_BASE_URL: urls[0],
      SAUTIKIT_API_URL: emulator.url,
      AUTH_TRUST_HOST: "true",
      MKUTANO_DISABLE_WORKER: "1",
    });
    for (const port of ports) children.push(await startAppProcess(port));
  }, 120_000);

  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await (await import("@/lib/db")).disconnectDb();
    await (await import("@/lib/roster/roster-bus")).closeRosterBus();
    await emulator?.stop();
    await database?.drop();
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  });

  /** A fresh connected workspace (its webhook secret too) and a meeting called `title`, with its room. */
  async function workspace(title: string, meeting: Record<string, unknown> = {}) {
    const { db } = await import("@/lib/db");
    const { getWebhookSecret } = await import("@/lib/sautikit/connection");
    const email = `two-${Date.now()}@instances.test`;
    const ws = await connectedWorkspaceWithMeeting({
      admin: { name: "Two", email, workspaceName: "Two" },
      meeting: { title, ...meeting },
    });
    const room = (await db.meeting.findUniqueOrThrow({ where: { id: ws.meeting.id } })).roomName;
    return { ...ws, room, secret: (await getWebhookSecret(ws.workspaceId))! };
  }

  it("the same events delivered to both instances at once are applied once", async () => {
    const { db } = await import("@/lib/db");
    const { workspaceId, secret, meeting, room } = await workspace("Dedupe");
    const callId = `call-two-${meeting.id}`;
    await db.leg.create({
      data: { workspaceId, meetingId: meeting.id, direction: "outbound", callId, idempotencyKey: `two:${meeting.id}` },
    });
    const events = ["start", "join", "mute"].map((event, i) => {
      const leg: Record<string, string> =
        event === "start"
          ? {}
          : {
              CallId: callId,
              call_id: callId,
              session_id: "HD_two",
              participant_id: callId,
              caller: "+254712000555",
              muted: String(event === "mute"),
              clientRequestId: `two:${meeting.id}`,
            };
      return new URLSearchParams({
        ConferenceName: room,
        conference_name: room,
        StatusCallbackEvent: event === "start" ? "conference-start" : `participant-${event}`,
        event,
        EventId: `two-${meeting.id}-${event}`,
        Timestamp: new Date(Date.now() + i).toISOString(),
        SequenceNumber: String(i + 1),
        participants: "1",
        ...leg,
      }).toString();
    });
    const sends = events.flatMap((body) =>
      [...urls, ...urls].map((u) =>
        fetch(`${u}/api/sautikit/${workspaceId}/conference/events`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-sautikit-signature": sign(body, secret) },
          body,
        }),
      ),
    );
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(
      statuses.every((s) => s === 200),
      statuses.join(","),
    ).toBe(true);
    expect(await db.rosterEvent.count({ where: { meetingId: meeting.id, key: { startsWith: "two-" } } })).toBe(3);
    expect(await db.webhookEvent.count({ where: { workspaceId } })).toBe(3);
    const leg = await db.leg.findFirstOrThrow({ where: { callId } });
    expect([leg.state, leg.muted]).toEqual(["in_call", true]);
  });

  it("a network drop delivered to both instances, twice each and under two event ids, is called back once", async () => {
    const { db } = await import("@/lib/db");
    const { runDueJobs } = await import("@/lib/jobs/run-due-jobs");
    const { workspaceId, secret, meeting, room } = await workspace("Cut off");
    const phone = "+254722500001"; // answers by itself and presses 1 when the call back asks
    const person = await db.participant.create({
      data: { workspaceId, meetingId: meeting.id, name: "Cut Off", phoneE164: phone },
    });
    const callId = `call-drop-${meeting.id}`;
    const key = `${meeting.id}:${person.id}:1`;
    const leg = await db.leg.create({
      data: {
        workspaceId,
        meetingId: meeting.id,
        participantId: person.id,
        direction: "outbound",
        callId,
        idempotencyKey: key,
        toE164: phone,
      },
    });
    const post = (u: string, route: string, body: string, type: string) =>
      fetch(`${u}/api/sautikit/${workspaceId}/${route}`, {
        method: "POST",
        headers: { "content-type": type, "x-sautikit-signature": sign(body, secret) },
        body,
      });
    // In the room of a live meeting (start, then the leg's join).
    for (const [i, event] of ["start", "join"].entries()) {
      const legFields: Record<string, string> =
        event === "start"
          ? {}
          : { CallId: callId, call_id: callId, participant_id: callId, caller: phone, clientRequestId: key };
      const body = new URLSearchParams({
        ConferenceName: room,
        conference_name: room,
        StatusCallbackEvent: event === "start" ? "conference-start" : "participant-join",
        event,
        EventId: `drop-${meeting.id}-${event}`,
        Timestamp: new Date().toISOString(),
        SequenceNumber: String(i + 1),
        participants: "1",
        ...legFields,
      }).toString();
      expect((await post(urls[0]!, "conference/events", body, "application/x-www-form-urlencoded")).status).toBe(200);
    }
    expect((await db.leg.findUniqueOrThrow({ where: { id: leg.id } })).state).toBe("in_call");

    // The drop: call.completed with the network's cause, under two event ids (a redelivery that got
    // a fresh id), each sent twice to both instances at once.
    const at = new Date().toISOString();
    const dropEvent = (eventId: string) =>
      JSON.stringify({
        kind: "call.completed",
        event_id: eventId,
        workspace_id: workspaceId,
        occurred_at: at,
        data: {
          call_id: callId,
          session_id: "HD_drop",
          direction: "outbound",
          from: "+254709000200",
          to: phone,
          status: "completed",
          duration_seconds: 42,
          answered_at: at,
          ended_at: at,
          hangup_cause: "network_out_of_order",
          cost_minor: 210,
          clientRequestId: key,
        },
      });
    const sends = [dropEvent(`drop-a-${meeting.id}`), dropEvent(`drop-b-${meeting.id}`)].flatMap((body) =>
      [...urls, ...urls].map((u) => post(u, "call-events", body, "application/json")),
    );
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(
      statuses.every((st) => st === 200),
      statuses.join(","),
    ).toBe(true);
    const dropped = await db.leg.findUniqueOrThrow({ where: { id: leg.id } });
    expect([dropped.state, dropped.endReason]).toEqual(["left", "dropped_calling_back"]);
    expect(await db.job.count({ where: { kind: "meetings.redial-after-drop" } })).toBe(1);

    // Both workers' turn (here: two runs, as both instances would): one call back, and it rejoins.
    await until("the call back in the room", async () => {
      await Promise.all([runDueJobs({ workerId: "instance-a" }), runDueJobs({ workerId: "instance-b" })]);
      const back = await db.leg.findFirst({ where: { participantId: person.id, purpose: "redial" } });
      return back?.state === "in_call" || back?.state === "waiting" ? back : undefined;
    });
    expect(await db.leg.count({ where: { participantId: person.id } })).toBe(2);
    const state = (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as {
      calls: { remote_e164: string }[];
    };
    expect(state.calls.filter((c) => c.remote_e164 === phone)).toHaveLength(1);
    await fetch(`${emulator.url}/_emulator/phones/${encodeURIComponent(phone)}/hangup`, { method: "POST" });
  });

  it("Call everyone: both workers take dial jobs, each person is called once, at the workspace's pace", async () => {
    const { db } = await import("@/lib/db");
    const { callEveryone } = await import("@/lib/meetings/call-everyone");
    const { actor, workspaceId, meeting } = await workspace("Pacing", { capacity: 40 });
    const phones = Array.from({ length: 30 }, (_, i) => `+2547000005${String(20 + i)}`); // manual: ring until answered
    await db.participant.createMany({
      data: phones.map((phoneE164, i) => ({ workspaceId, meetingId: meeting.id, name: `P${i}`, phoneE164 })),
    });
    expect(await callEveryone(actor, meeting.id)).toMatchObject({ queued: 30 });

    type Call = { remote_e164: string; workspace_id: string; created_at: string };
    const calls = await until("30 calls placed", async () => {
      const state = (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as { calls: Call[] };
      const ours = state.calls.filter((c) => phones.includes(c.remote_e164));
      return ours.length >= 30 ? ours : undefined;
    });
    // Every dial job of the meeting finished: a duplicate dial would have reached the emulator by now.
    await until(
      "every dial job done",
      async () =>
        (await db.job.count({
          where: { kind: "meetings.dial-leg", uniqueKey: { contains: meeting.id }, status: { not: "done" } },
        })) === 0,
    );
    const state = (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as { calls: Call[] };
    const ours = state.calls.filter((c) => phones.includes(c.remote_e164));
    expect(ours.length).toBe(30);
    expect(new Set(ours.map((c) => c.remote_e164)).size).toBe(30);
    // Paced at 10/s across both workers: the bucket's first 10 may go at once, the other 20 take
    // at least 2 s — 30 calls span 2.0–2.9 s, never a burst.
    const times = calls.map((c) => Date.parse(c.created_at)).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(1_900);
    const workers = await db.job.findMany({
      where: { kind: "meetings.dial-leg", status: "done" },
      select: { lockedBy: true },
    });
    expect(workers.length).toBe(30);
    expect(await db.leg.count({ where: { meetingId: meeting.id } })).toBe(30);
  });
});
