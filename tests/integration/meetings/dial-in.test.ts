// Dial-in with a PIN against the real emulator: a wrong PIN is re-asked, the right one admits the
// caller (listed on the roster, free of charge), the host PIN admits as host, and a locked room
// turns new callers away politely.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppTest, setupAppTest } from "../support/setup-app-test";
import { createWorkspace, meetingInput } from "./support";

let app: AppTest;
let m: {
  db: typeof import("@/lib/db").db;
  scheduleMeeting: typeof import("@/lib/meetings/schedule-meeting").scheduleMeeting;
  addParticipant: typeof import("@/lib/meetings/add-participant").addParticipant;
  setRoomLocked: typeof import("@/lib/meetings/lock-room").setRoomLocked;
  connectEmulatorWorkspace: typeof import("@/lib/sautikit/connect-emulator-workspace").connectEmulatorWorkspace;
  buildRoster: typeof import("@/lib/roster/get-meeting-roster").buildRoster;
  en: typeof import("@/lib/meetings/prompts/en").en;
};

beforeAll(async () => {
  app = await setupAppTest();
  m = {
    db: (await import("@/lib/db")).db,
    scheduleMeeting: (await import("@/lib/meetings/schedule-meeting")).scheduleMeeting,
    addParticipant: (await import("@/lib/meetings/add-participant")).addParticipant,
    setRoomLocked: (await import("@/lib/meetings/lock-room")).setRoomLocked,
    connectEmulatorWorkspace: (await import("@/lib/sautikit/connect-emulator-workspace")).connectEmulatorWorkspace,
    buildRoster: (await import("@/lib/roster/get-meeting-roster")).buildRoster,
    en: (await import("@/lib/meetings/prompts/en")).en,
  };
});
afterAll(() => app?.stop());

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function control(path: string, body?: unknown) {
  const res = await fetch(`${app.emulatorUrl}/_emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

type Phone = { e164: string; state: string; transcript: { kind: string; text: string }[] };
const phoneOf = async (e164: string) => ((await control("state")) as { phones: Phone[] }).phones.find((p) => p.e164 === e164);
const heard = async (e164: string) => ((await phoneOf(e164))?.transcript ?? []).filter((t) => t.kind === "say").map((t) => t.text);

describe("dial-in with a PIN", () => {
  it("re-asks a wrong PIN, admits the right one, and refuses new callers once locked", { timeout: 90_000 }, async () => {
    const { actor, workspaceId } = await createWorkspace(m.db);
    await m.db.sautikitConnection.delete({ where: { workspaceId } });
    await m.connectEmulatorWorkspace(workspaceId);
    const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
    const meeting = await m.scheduleMeeting(actor, meetingInput({ waitForHost: false }));
    await m.addParticipant(actor, meeting.id, { name: "Wanjiku", phone: "+254711222301" });

    const caller = "+254711222301";
    await control(`phones/${encodeURIComponent(caller)}/dial`, { to: conn.dialInNumber });
    await until("the PIN prompt", async () => (await heard(caller)).includes(m.en.enterPin));
    await control(`phones/${encodeURIComponent(caller)}/digits`, { digits: "000000000#" });
    await until("the wrong-PIN message", async () => (await heard(caller)).includes(m.en.wrongPin));
    await control(`phones/${encodeURIComponent(caller)}/digits`, { digits: `${meeting.pin}#` });
    await until("the greeting", async () => (await heard(caller)).includes(m.en.greeting("Wanjiku", meeting.title)));
    const row = await until("the roster row", async () => {
      const r = (await m.buildRoster(meeting.id)).people.find((p) => p.name === "Wanjiku");
      return r?.state === "in_call" ? r : undefined;
    });
    expect(row.legs[0]).toMatchObject({ direction: "inbound", ratePerMinuteMinor: 0 });

    await m.setRoomLocked(actor, meeting.id, true);
    const late = "+254711222302";
    await control(`phones/${encodeURIComponent(late)}/dial`, { to: conn.dialInNumber });
    await until("the PIN prompt", async () => (await heard(late)).includes(m.en.enterPin));
    await control(`phones/${encodeURIComponent(late)}/digits`, { digits: `${meeting.pin}#` });
    await until("the locked apology", async () => (await heard(late)).includes(m.en.meetingLocked));
    await until("the late caller hung up", async () => (await phoneOf(late))?.state !== "in_call" && (await phoneOf(late))?.state !== "waiting");

    // The host PIN still gets in, as host.
    const host = "+254711222303";
    await control(`phones/${encodeURIComponent(host)}/dial`, { to: conn.dialInNumber });
    await until("the PIN prompt", async () => (await heard(host)).includes(m.en.enterPin));
    await control(`phones/${encodeURIComponent(host)}/digits`, { digits: `${meeting.hostPin}#` });
    await until("the host in the room", async () => {
      const rooms = ((await control("state")) as { rooms: { name: string; members: { e164: string }[] }[] }).rooms;
      return rooms.find((r) => r.name === meeting.roomName)?.members.some((x) => x.e164 === host);
    });
    expect(await heard(host)).toContain(m.en.guestGreeting(meeting.title));
  });
});
