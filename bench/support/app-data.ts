// Data set-up and counting for the benchmarks, run as its own short process with the app's own
// modules (the embedded database belongs to one process at a time, so this runs while the app is
// stopped; on PostgreSQL it may run alongside). Prints one JSON line.
// Run: node --conditions=react-server --import tsx bench/support/app-data.ts seed|count '<json>'
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { connectEmulatorWorkspace } from "@/lib/sautikit/connect-emulator-workspace";
import { getWebhookSecret } from "@/lib/sautikit/connection";
import { signUp } from "@/lib/workspaces/sign-up";
import { hashPassword } from "@/lib/auth/password";
import { ROSTER_STREAM } from "@/lib/roster/roster-stream";

/** P3 opens 50 streams of one meeting; each watcher may hold this many. */
const P3_STREAMS = 50;

export type SeedInput = {
  /** Meetings whose participants are all live in the room (legs answered and joined). */
  live: { meetings: number; legsPerMeeting: number };
  /** Meetings whose participants have not been called yet (for Call everyone). */
  idle: { meetings: number; participantsPerMeeting: number; phonePrefix: string };
  /** One very large live room (P6). */
  big?: { legs: number };
  /**
   * The P7 soak's meeting: one person who answers and stays (so the room never empties and ends the
   * meeting) and `dropouts` people whose phones answer and hang up after 10 s, 11 s, … — each
   * Call everyone dials them again.
   */
  soak?: { dropouts: number };
};
export type Seeded = {
  email: string;
  password: string;
  /**
   * More admins of the workspace (same password): the app allows only a few roster streams per
   * user per meeting, so P3's 50 watchers of one meeting are spread over several people.
   */
  watcherEmails: string[];
  workspaceId: string;
  secret: string;
  live: { meetingId: string; room: string; legs: { callId: string; key: string; phone: string }[] }[];
  idle: { meetingId: string }[];
  big?: LiveMeeting;
  soak?: { meetingId: string; room: string; stayer: string };
};
type LiveMeeting = Seeded["live"][number];

const [command, arg] = process.argv.slice(2);

async function seed(input: SeedInput): Promise<Seeded> {
  const tag = randomUUID().slice(0, 8);
  const email = `bench-${tag}@example.test`;
  const password = `bench-password-${tag}`;
  const { userId, workspaceId } = await signUp({ name: "Bench Admin", email, password, workspaceName: "Bench" });
  await connectEmulatorWorkspace(workspaceId);
  const secret = (await getWebhookSecret(workspaceId))!;
  const actor: Actor = { userId, email, name: "Bench Admin", workspaceId, workspaceName: "Bench", role: "admin" };
  const passwordHash = await hashPassword(password);
  const watcherEmails = Array.from(
    { length: Math.ceil(P3_STREAMS / ROSTER_STREAM.MAX_STREAMS_PER_USER) - 1 },
    (_, i) => `bench-${tag}-watcher-${i}@example.test`,
  );
  for (const [i, watcher] of watcherEmails.entries())
    await db.user.create({
      data: {
        name: `Bench Watcher ${i}`,
        email: watcher,
        passwordHash,
        memberships: { create: { role: "admin", workspaceId } },
      },
    });
  const meeting = (i: number, kind: string) =>
    db.meeting.create({
      data: {
        workspaceId,
        organiserId: actor.userId,
        title: `Bench ${kind} ${i}`,
        startsAt: new Date(Date.now() + 60_000),
        capacity: 200,
        waitForHost: false,
        roomName: `bench-${kind}-${tag}-${i}`,
        pin: String(100000 + Math.floor(Math.random() * 899999)),
        hostPin: String(100000 + Math.floor(Math.random() * 899999)),
      },
    });

  const liveMeeting = async (i: number, kind: string, legCount: number): Promise<LiveMeeting> => {
    const m = await meeting(i, kind);
    const legs: LiveMeeting["legs"] = [];
    const facts: RosterEvent[] = [{ kind: "room.start", key: `seed:${m.id}:start`, at: Date.now(), seq: 1 }];
    for (let j = 0; j < legCount; j++) {
      const phone = `+2547${String(10_000_000 + (kind === "big" ? 5_000_000 : i * 10_000) + j).padStart(8, "0")}`;
      const p = await db.participant.create({
        data: { workspaceId, meetingId: m.id, name: `Person ${j}`, phoneE164: phone },
      });
      const key = `${m.id}:${p.id}:1`;
      const callId = `bench-call-${tag}-${kind}-${i}-${j}`;
      const leg = await db.leg.create({
        data: {
          workspaceId,
          meetingId: m.id,
          participantId: p.id,
          direction: "outbound",
          callId,
          idempotencyKey: key,
          toE164: phone,
          fromE164: "+254709000200",
        },
      });
      const at = Date.now();
      facts.push(
        { kind: "dial.accepted", callId, key: `seed:${leg.id}:dial`, legId: leg.id, at },
        { kind: "call.answered", key: `seed:${leg.id}:answered`, legId: leg.id, at },
        { kind: "room.join", key: `seed:${leg.id}:join`, legId: leg.id, at, seq: 2 + j },
      );
      legs.push({ callId, key, phone });
    }
    await db.$transaction((tx) => recordRosterEvents(tx, workspaceId, m.id, facts), { timeout: 300_000 });
    return { meetingId: m.id, room: m.roomName, legs };
  };
  const live: LiveMeeting[] = [];
  for (let i = 0; i < input.live.meetings; i++) live.push(await liveMeeting(i, "live", input.live.legsPerMeeting));
  const big = input.big ? await liveMeeting(0, "big", input.big.legs) : undefined;

  const idle: Seeded["idle"] = [];
  for (let i = 0; i < input.idle.meetings; i++) {
    const m = await meeting(i, "idle");
    await db.participant.createMany({
      data: Array.from({ length: input.idle.participantsPerMeeting }, (_, j) => ({
        workspaceId,
        meetingId: m.id,
        name: `Invitee ${j}`,
        phoneE164: `${input.idle.phonePrefix}${String(j).padStart(2, "0")}`,
      })),
    });
    idle.push({ meetingId: m.id });
  }
  let soak: Seeded["soak"];
  if (input.soak) {
    const m = await meeting(0, "soak");
    // The emulator's ordinary numbers answer by themselves and stay; 4NN ones hang up after NN s.
    // The stayer's number is the run's own: a phone still on a call from another run answers busy.
    const stayer = `+25471${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
    await db.participant.createMany({
      data: [
        { workspaceId, meetingId: m.id, name: "Stayer", phoneE164: stayer },
        ...Array.from({ length: input.soak.dropouts }, (_, j) => ({
          workspaceId,
          meetingId: m.id,
          name: `Dropout ${j}`,
          phoneE164: `+2547000004${String(10 + j).padStart(2, "0")}`,
        })),
      ],
    });
    soak = { meetingId: m.id, room: m.roomName, stayer };
  }
  return { email, password, watcherEmails, workspaceId, secret, live, idle, big, soak };
}

/** Facts and stored webhook events whose key starts with the run's prefix. */
async function count(input: { prefix: string }) {
  const [facts, events, distinctEvents] = await Promise.all([
    db.rosterEvent.count({ where: { key: { startsWith: input.prefix } } }),
    db.webhookEvent.count({ where: { eventId: { startsWith: input.prefix } } }),
    db.webhookEvent
      .groupBy({ by: ["eventId"], where: { eventId: { startsWith: input.prefix } } })
      .then((g) => g.length),
  ]);
  return { facts, events, distinctEvents };
}

try {
  const input = JSON.parse(arg ?? "{}");
  const out = command === "seed" ? await seed(input) : command === "count" ? await count(input) : null;
  if (!out) throw new Error("usage: app-data.ts seed|count '<json>'");
  console.log(JSON.stringify(out));
} finally {
  await disconnectDb();
}
process.exit(0);
