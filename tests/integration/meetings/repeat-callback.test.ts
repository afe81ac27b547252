// Repeat voice callbacks for an outbound leg (lib/meetings/answer-repeat-callback.ts): a leg that
// already holds its place gets the same conference answer from one read, without the meeting lock
// and without writing; an ended meeting or a leg that left gets its apology; first-time callbacks
// still go through the locked path, so capacity holds when they race. Real routes, real database.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appFixture } from "../support/app-fixture";
import { meetingWithPlacedLegs, type VoiceAnswer as Answer } from "./support";

const app = appFixture();
const m = app.lib;
afterEach(() => vi.restoreAllMocks());

/** The live Prisma client behind lib/db's proxy (the proxy forwards every property read to it). */
function client(): PrismaClient {
  return (globalThis as { __mkutanoDb?: { client: PrismaClient } }).__mkutanoDb!.client;
}

async function setup(opts: { capacity: number; people: number }) {
  const placed = await meetingWithPlacedLegs(m.db, app.url, {
    meeting: { capacity: opts.capacity, waitForHost: false, endOnHostExit: false },
    people: Array.from({ length: opts.people }, (_, i) => ({
      name: `Person ${i + 1}`,
      phone: `+2547110002${String(i).padStart(2, "0")}`,
    })),
  });
  const callback = (leg: (typeof placed.legs)[number]): Promise<Answer> =>
    placed.callback({
      CallId: leg.callId!,
      sessionId: `HD_${leg.callId}`,
      To: leg.toE164!,
      // The join callback: the person pressed 1 at the answer-confirmation prompt.
      Digits: "1",
      clientRequestId: leg.idempotencyKey!,
    });
  return { ...placed, callback };
}

/** Everything a callback could write to, apart from the pipeline's own delivery log. */
async function snapshot(meetingId: string) {
  const [legs, meeting, facts, jobs, events, audits] = await Promise.all([
    m.db.leg.findMany({ where: { meetingId }, orderBy: { id: "asc" } }),
    m.db.meeting.findUniqueOrThrow({ where: { id: meetingId } }),
    m.db.rosterEvent.count({ where: { meetingId } }),
    m.db.job.count(),
    m.db.webhookEvent.count(),
    m.db.auditLog.count(),
  ]);
  return { legs, meeting, facts, jobs, events, audits };
}

const inRoom = (a: Answer) => a.actions.some((x) => "conference" in x);
const said = (a: Answer) => a.actions.flatMap((x) => (x.say ? [x.say.text as string] : []));

describe("repeat voice callbacks", () => {
  it("answer a leg that holds its place the same way, from a read: no transaction, nothing written", async () => {
    const { meeting, legs, callback } = await setup({ capacity: 5, people: 1 });
    const transactions = vi.spyOn(client(), "$transaction");

    const first = await callback(legs[0]!);
    expect(inRoom(first)).toBe(true);
    // The first answer takes the place under the meeting lock (the spy sees that path).
    expect(transactions).toHaveBeenCalledTimes(1);
    expect((await m.db.leg.findUniqueOrThrow({ where: { id: legs[0]!.id } })).state).toBe("answered");

    const before = await snapshot(meeting.id);
    const repeats = await Promise.all([callback(legs[0]!), callback(legs[0]!), callback(legs[0]!)]);
    for (const again of repeats) expect(again).toEqual(first);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(await snapshot(meeting.id)).toEqual(before);
  });

  it("apologise from the read once the meeting has ended, and say goodbye to a leg that left", async () => {
    const { meeting, legs, callback } = await setup({ capacity: 5, people: 2 });
    expect(inRoom(await callback(legs[0]!))).toBe(true);
    expect(inRoom(await callback(legs[1]!))).toBe(true);
    const transactions = vi.spyOn(client(), "$transaction");

    await m.db.leg.update({ where: { id: legs[1]!.id }, data: { state: "left", endReason: "hangup" } });
    const goodbye = await callback(legs[1]!);
    expect(inRoom(goodbye)).toBe(false);
    expect(said(goodbye)).toEqual([m.en.goodbye]);
    expect(goodbye.actions.at(-1)).toEqual({ hangup: {} });

    await m.db.meeting.update({ where: { id: meeting.id }, data: { status: "ended", endedAt: new Date() } });
    const before = await snapshot(meeting.id);
    const ended = await callback(legs[0]!);
    expect(inRoom(ended)).toBe(false);
    expect(said(ended)).toEqual([m.en.meetingEnded]);
    expect(ended.actions.at(-1)).toEqual({ hangup: {} });
    expect(transactions).not.toHaveBeenCalled();
    expect(await snapshot(meeting.id)).toEqual(before);
  });

  it("keep capacity when first-time callbacks race, and repeats do not change who is in", async () => {
    const { meeting, legs, callback } = await setup({ capacity: 2, people: 5 });
    const firsts = await Promise.all(legs.map((leg) => callback(leg)));
    const admitted = legs.filter((_, i) => inRoom(firsts[i]!));
    expect(admitted).toHaveLength(2);
    for (const [i, answer] of firsts.entries()) {
      if (!inRoom(answer)) expect(said(answer), `leg ${i}`).toEqual([m.en.meetingFull]);
    }

    // Everyone calls back again at once: the two placed legs are answered from the read, the
    // other three go through the locked path again and are still turned away.
    const again = await Promise.all(legs.map((leg) => callback(leg)));
    expect(
      legs
        .filter((_, i) => inRoom(again[i]!))
        .map((l) => l.id)
        .sort(),
    ).toEqual(admitted.map((l) => l.id).sort());
    const holding = await m.db.leg.count({
      where: { meetingId: meeting.id, state: { in: ["answered", "waiting", "in_call"] } },
    });
    expect(holding).toBe(2);

    // A call.answered event can reach the roster before the leg's first voice callback: "answered"
    // alone is not a place taken, so that callback still faces the capacity check.
    const early = legs.find((l) => !admitted.includes(l))!;
    await m.db.leg.update({ where: { id: early.id }, data: { state: "answered", answeredAt: new Date() } });
    expect(said(await callback(early))).toEqual([m.en.meetingFull]);
  });
});
