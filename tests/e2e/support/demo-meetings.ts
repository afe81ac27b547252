import { expect, type APIRequestContext } from "@playwright/test";

// Meetings with real data, made through the app's own API against the running emulator: an
// upcoming one, a live one with people on the call, and an ended recorded one. The page checks
// (axe, 390 px, console) and the screenshot script look at pages that show something.

// Ordinary numbers answer after about a second, press 1 by themselves and stay until hung up
// (emulator/README.md, "Magic numbers").
export const freshPhone = () =>
  `+2547${20 + Math.floor(Math.random() * 79)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

type Roster = { meeting: { status: string; startedAt: number | null }; people: { state: string }[] };

export type CreatedMeeting = { id: string; pin: string; hostPin: string };

/** Schedules a meeting through the app's API (an hour from now unless `extra` says otherwise). */
export async function postMeeting(
  request: APIRequestContext,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<CreatedMeeting> {
  const created = await request.post("/api/meetings", {
    data: {
      title,
      agenda: "Budget, venue and the harambee date",
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      durationMinutes: 45,
      capacity: 10,
      ...extra,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { meeting: CreatedMeeting }).meeting;
}

export async function createMeeting(
  request: APIRequestContext,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return (await postMeeting(request, title, extra)).id;
}

export async function addPeople(
  request: APIRequestContext,
  meetingId: string,
  people: { name: string; role?: "host" | "participant" | "listener"; phone?: string }[],
): Promise<void> {
  for (const p of people) {
    const added = await request.post(`/api/meetings/${meetingId}/participants`, {
      data: { name: p.name, phone: p.phone ?? freshPhone(), role: p.role ?? "participant" },
    });
    expect(added.status(), await added.text()).toBe(201);
  }
}

export async function roster(request: APIRequestContext, meetingId: string): Promise<Roster> {
  return (await (await request.get(`/api/meetings/${meetingId}/roster`)).json()) as Roster;
}

/** Calls everyone and waits until `inCall` of them are in the started room. */
export async function callEveryone(request: APIRequestContext, meetingId: string, inCall: number): Promise<void> {
  expect((await request.post(`/api/meetings/${meetingId}/call-everyone`)).status()).toBe(200);
  await expect
    .poll(async () => (await roster(request, meetingId)).people.filter((p) => p.state === "in_call").length, {
      timeout: 45_000,
    })
    .toBe(inCall);
}

/**
 * A recorded meeting that has happened: two people called, a couple of seconds of talk (so the
 * recording has a measurable length), ended, and its recording listed.
 */
export async function runRecordedMeeting(request: APIRequestContext, title: string): Promise<string> {
  const ended = await createMeeting(request, title, { record: true, waitForHost: false, endOnHostExit: false });
  await addPeople(request, ended, [{ name: "Akinyi Otieno" }, { name: "Mwangi Kamau" }]);
  await callEveryone(request, ended, 2);
  await expect
    .poll(async () => Date.now() - ((await roster(request, ended)).meeting.startedAt ?? Date.now()), {
      timeout: 15_000,
    })
    .toBeGreaterThan(2_000);
  expect((await request.post(`/api/meetings/${ended}/end`)).status()).toBe(200);
  await expect
    .poll(
      async () =>
        (
          (await (await request.get("/api/recordings")).json()) as { recordings: { meetingId: string }[] }
        ).recordings.some((r) => r.meetingId === ended),
      { timeout: 30_000 },
    )
    .toBe(true);
  return ended;
}

/** A live meeting (people on the call), an ended recorded one, and an upcoming one. */
export async function seedDemoMeetings(request: APIRequestContext, tag = ""): Promise<{ live: string; ended: string }> {
  await createMeeting(request, `Weekly chama check-in${tag}`, {
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    recurrence: "weekly",
  });
  const ended = await runRecordedMeeting(request, `Board review${tag}`);

  const live = await createMeeting(request, `Harambee planning${tag}`, { waitForHost: false, endOnHostExit: false });
  await addPeople(request, live, [
    { name: "Halima Hassan", role: "host" },
    { name: "Amina Odhiambo" },
    { name: "Juma Kariuki", role: "listener" },
    // Never answers, so the roster also shows someone who was not reached.
    { name: "Wanjiru Njoroge", phone: "+254700000101" },
  ]);
  await callEveryone(request, live, 3);
  return { live, ended };
}
