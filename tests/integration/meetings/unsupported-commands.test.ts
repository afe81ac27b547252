// A Sautikit account without live conference commands (405 / 404 without conferences.not_live):
// mute says clearly that it is unsupported, kick falls back to hanging the call up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { createWorkspace, meetingInput } from "./support";

const app = appFixture({
  modules: () => [import("@/lib/call-control/control-leg"), import("@/lib/roster/recompute-roster")],
});
let sautikit: WebhookReceiver;

beforeAll(async () => {
  sautikit = await startWebhookReceiver();
});
afterAll(() => sautikit?.close());

describe("live commands on an account that lacks them", () => {
  it("explains mute and falls back to hangup for kick", async () => {
    const { db, scheduleMeeting, addParticipant, controlLeg, recordRosterEvents } = app.lib;
    const { actor, workspaceId } = await createWorkspace(db);
    await db.sautikitConnection.update({ where: { workspaceId }, data: { apiBaseUrl: sautikit.url } });

    const meeting = await scheduleMeeting(actor, meetingInput({ waitForHost: false }));
    const p = await addParticipant(actor, meeting.id, { name: "Amina", phone: "0712 345 678" });
    const leg = await db.leg.create({
      data: {
        workspaceId,
        meetingId: meeting.id,
        participantId: p.id,
        direction: "outbound",
        callId: "call-1",
        idempotencyKey: `${meeting.id}:${p.id}:1`,
        state: "created",
        ratePerMinuteMinor: 300,
      },
    });
    const now = Date.now();
    await db.$transaction((tx) =>
      recordRosterEvents(tx, workspaceId, meeting.id, [
        { key: "a", kind: "call.answered", legId: leg.id, at: now },
        { key: "s", kind: "room.start", seq: 1, at: now },
        { key: "j", kind: "room.join", legId: leg.id, seq: 2, at: now, muted: false },
      ]),
    );
    expect((await db.leg.findUniqueOrThrow({ where: { id: leg.id } })).state).toBe("in_call");

    const commands = `/v1/conferences/${meeting.roomName}/commands`;
    sautikit.on(commands, () => ({
      status: 405,
      body: { error: { code: "method_not_allowed", message: "no", request_id: "req_1" } },
    }));
    sautikit.on("/v1/calls/call-1/hangup", () => ({ status: 200, body: { call_id: "call-1", status: "hung_up" } }));

    await expect(controlLeg(actor, meeting.id, leg.id, "mute")).rejects.toMatchObject({
      code: "UNSUPPORTED",
      message: expect.stringMatching(/Live mute is not supported.*Listen only/),
    });
    expect((await db.leg.findUniqueOrThrow({ where: { id: leg.id } })).muted).toBe(false);

    await expect(controlLeg(actor, meeting.id, leg.id, "kick")).resolves.toEqual({ via: "hangup" });
    expect(sautikit.received("/v1/calls/call-1/hangup")).toHaveLength(1);
    expect(sautikit.received(commands).map((r) => (r.json() as { command: string }).command)).toEqual(["mute", "kick"]);

    // When the hangup's leave arrives, the leg ends as kicked.
    await db.$transaction((tx) =>
      recordRosterEvents(tx, workspaceId, meeting.id, [
        { key: "l", kind: "room.leave", legId: leg.id, seq: 3, at: Date.now() },
      ]),
    );
    expect(await db.leg.findUniqueOrThrow({ where: { id: leg.id } })).toMatchObject({
      state: "left",
      endReason: "kicked",
    });
  });
});
