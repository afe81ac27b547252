// Reconciliation against the real emulator: a meeting's webhooks stop reaching the app (its
// signing secret no longer matches, so every delivery is refused), a participant hangs up, and the
// roster shows a ghost. The sweep asks Sautikit about legs that stayed non-terminal too long and
// corrects only what Sautikit says has ended; a live leg is left alone and a repeat changes nothing.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { createWorkspace, meetingInput } from "../meetings/support";
import { makeUntil } from "@/tests/support/until";
import { answerAndConfirm } from "@/tests/support/confirm-answer";

const app = appFixture({
  modules: () => [import("@/lib/reconcile/reconcile-legs"), import("@/lib/reconcile/reconcile-job")],
});
const m = app.lib;

const until = makeUntil({ timeoutMs: 20_000 });

async function emulator(path: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(`${app.emulatorUrl}${path}`, init);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
const phoneAction = (e164: string, action: string) =>
  emulator(`/_emulator/phones/${encodeURIComponent(e164)}/${action}`, { method: "POST" });
const person = async (meetingId: string, name: string) =>
  (await m.buildRoster(meetingId)).people.find((p) => p.name === name)!;
const later = (ms: number) => new Date(Date.now() + ms);

describe("reconciliation", () => {
  it(
    "a hang-up whose events never arrived is corrected from GET /v1/calls/{id}; a live leg is untouched",
    { timeout: 90_000 },
    async () => {
      const { actor, workspaceId } = await createWorkspace(m.db);
      await m.db.sautikitConnection.delete({ where: { workspaceId } });
      await m.connectEmulatorWorkspace(workspaceId);
      const meeting = await m.scheduleMeeting(actor, meetingInput({ waitForHost: false }));
      const gone = "+254700000581"; // manual numbers: ring until answered
      const stays = "+254700000582";
      const a = await m.addParticipant(actor, meeting.id, { name: "Gone", phone: gone });
      const b = await m.addParticipant(actor, meeting.id, { name: "Stays", phone: stays });
      await m.dialParticipant(actor, meeting.id, a.id);
      await m.dialParticipant(actor, meeting.id, b.id);
      await until("both ringing", async () =>
        (await m.buildRoster(meeting.id)).people.every((p) => p.state === "ringing"),
      );
      await answerAndConfirm(app.emulatorUrl!, gone);
      await answerAndConfirm(app.emulatorUrl!, stays);
      await until("both in call", async () =>
        (await m.buildRoster(meeting.id)).people.every((p) => p.state === "in_call"),
      );

      // From now on every webhook for this workspace fails verification: the events are lost to the app.
      await m.db.sautikitConnection.update({
        where: { workspaceId },
        data: { signingSecretEnc: m.encryptSecret("whsec_not_the_one") },
      });
      const goneLeg = await m.db.leg.findFirstOrThrow({ where: { participantId: a.id } });
      await phoneAction(gone, "hangup");
      await until("the emulator ended the call", async () => {
        const state = (await emulator("/_emulator/state")) as { calls: { id: string; status: string }[] };
        return state.calls.find((c) => c.id === goneLeg.callId)?.status === "completed";
      });
      await until("the refused deliveries", async () => {
        const log = await m.db.webhookDelivery.count({ where: { workspaceId, verdict: "rejected_signature" } });
        return log > 0;
      });
      expect((await person(meeting.id, "Gone")).state).toBe("in_call"); // the ghost

      // Not yet stale: nothing is asked.
      expect(await m.reconcileStaleLegs()).toEqual({ checked: 0, corrected: 0, failed: 0 });

      const first = await m.reconcileStaleLegs({ now: later(m.STALE_AFTER_ANSWER_MS + 1_000) });
      expect(first).toEqual({ checked: 2, corrected: 1, failed: 0 });
      const fixed = await person(meeting.id, "Gone");
      expect(fixed.state).toBe("left");
      expect((await person(meeting.id, "Stays")).state).toBe("in_call");
      const corrected = await m.db.leg.findUniqueOrThrow({ where: { id: goneLeg.id } });
      expect(corrected.endedAt).not.toBeNull();
      expect(corrected.durationSeconds).not.toBeNull();

      // Asked again later: only the live leg is still a candidate, and nothing changes.
      const second = await m.reconcileStaleLegs({ now: later(3 * m.STALE_AFTER_ANSWER_MS) });
      expect(second).toEqual({ checked: 1, corrected: 0, failed: 0 });
      expect(
        await m.db.rosterEvent.count({ where: { meetingId: meeting.id, key: { startsWith: "reconcile:" } } }),
      ).toBe(1);

      await phoneAction(stays, "hangup");
    },
  );

  it("a leg Sautikit has never heard of ends as failed", async () => {
    const { actor, workspaceId } = await createWorkspace(m.db);
    await m.db.sautikitConnection.delete({ where: { workspaceId } });
    await m.connectEmulatorWorkspace(workspaceId);
    const meeting = await m.scheduleMeeting(actor, meetingInput());
    const p = await m.addParticipant(actor, meeting.id, { name: "Phantom", phone: "+254700000583" });
    const leg = await m.db.leg.create({
      data: {
        workspaceId,
        meetingId: meeting.id,
        participantId: p.id,
        direction: "outbound",
        callId: `call_missing_${p.id}`,
        state: "ringing",
      },
    });
    const result = await m.reconcileStaleLegs({ now: later(m.STALE_BEFORE_ANSWER_MS + 1_000) });
    expect(result).toEqual({ checked: 1, corrected: 1, failed: 0 });
    const after = await m.db.leg.findUniqueOrThrow({ where: { id: leg.id } });
    expect(after.state).toBe("left");
    expect(after.endReason).toBe("failed");
  });

  it("the sweep is a durable job that queues the next slot once, however many workers enqueue it", async () => {
    await Promise.all([m.scheduleReconcile(), m.scheduleReconcile(), m.scheduleReconcile()]);
    expect(await m.db.job.count({ where: { kind: m.RECONCILE_JOB } })).toBe(1);
    await until("the sweep ran", async () => {
      await m.runDueJobs({ workerId: "reconcile-test" });
      return (await m.db.job.count({ where: { kind: m.RECONCILE_JOB, status: "done" } })) === 1;
    });
    const next = await m.db.job.findMany({ where: { kind: m.RECONCILE_JOB, status: "pending" } });
    expect(next).toHaveLength(1);
    expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});
