// API errors come back in the reader's language (ADR 0025): the real app and database, people
// signed in through Auth.js, the language chosen as pages choose it (profile, else Accept-Language).
// The code stays the same in every language; only the message and field messages change.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture, type ConnectedWorkspace, type Member } from "../support/app-fixture";
import { type Client, postMeeting } from "../reliability/support/http-client";

const app = appFixture();

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
const body = async (res: Response) => (await res.json()) as ErrorBody;

let ws: ConnectedWorkspace;
let english: Client;
let swahili: Client;
let browserChooses: Client;

async function withLocale(member: Member, locale: "en" | "sw" | null): Promise<Client> {
  await app.lib.db.user.update({ where: { id: member.userId }, data: { locale } });
  return app.signIn(member);
}

beforeAll(async () => {
  ws = await app.workspace();
  english = await withLocale(await ws.addMember(), "en");
  swahili = await withLocale(await ws.addMember(), "sw");
  browserChooses = await withLocale(await ws.addMember(), null);
});

describe("an API error in the reader's language", () => {
  it("404: a meeting that is not there", async () => {
    const path = `/api/meetings/${randomUUID()}`;
    const [en, sw] = await Promise.all([english.fetch(path), swahili.fetch(path)]);
    expect([en.status, sw.status]).toEqual([404, 404]);
    expect((await body(en)).error).toMatchObject({
      code: "NOT_FOUND",
      message: "That meeting does not exist, or you do not have access to it.",
    });
    expect((await body(sw)).error).toMatchObject({
      code: "NOT_FOUND",
      message: "Mkutano huo haupo, au huna ruhusa ya kuuona.",
    });
  });

  it("422: each field's message, with the rule's own bound", async () => {
    const bad = {
      title: "",
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 30,
      capacity: 1,
    };
    const [en, sw] = await Promise.all([
      english.json("/api/meetings", "POST", bad),
      swahili.json("/api/meetings", "POST", bad),
    ]);
    expect([en.status, sw.status]).toEqual([422, 422]);
    const enBody = await body(en);
    const swBody = await body(sw);
    expect(enBody.error.code).toBe("VALIDATION");
    expect(swBody.error.code).toBe("VALIDATION");
    expect(enBody.error.message).toBe("title: Give the meeting a title.");
    expect(swBody.error.message).toBe("title: Upe mkutano jina.");
    expect(enBody.error.details).toEqual(
      expect.arrayContaining([
        { path: "title", message: "Give the meeting a title." },
        { path: "capacity", message: "Capacity must be at least 2." },
      ]),
    );
    expect(swBody.error.details).toEqual(
      expect.arrayContaining([
        { path: "title", message: "Upe mkutano jina." },
        { path: "capacity", message: "Idadi ya nafasi lazima iwe angalau 2." },
      ]),
    );
  });

  it("409: a number already on the meeting, and its field message", async () => {
    const meetingId = await postMeeting(swahili);
    const person = { name: "Amina", phone: "+254712000001" };
    expect((await swahili.json(`/api/meetings/${meetingId}/participants`, "POST", person)).status).toBe(201);
    const again = await swahili.json(`/api/meetings/${meetingId}/participants`, "POST", person);
    expect(again.status).toBe(409);
    expect((await body(again)).error).toMatchObject({
      code: "CONFLICT",
      message: "+254712000001 tayari ni mshiriki wa mkutano huu.",
      details: [{ path: "phone", message: "Tayari ni mshiriki." }],
    });
    // Nothing changed: still one Amina.
    expect(await app.lib.db.participant.count({ where: { meetingId } })).toBe(1);
  });

  it("without a profile choice the browser's Accept-Language decides; a profile choice wins over it", async () => {
    const path = `/api/meetings/${randomUUID()}`;
    const sw = await browserChooses.fetch(path, { headers: { "accept-language": "sw-KE,sw;q=0.9,en;q=0.5" } });
    expect((await body(sw)).error.message).toBe("Mkutano huo haupo, au huna ruhusa ya kuuona.");
    const en = await browserChooses.fetch(path, { headers: { "accept-language": "en-GB" } });
    expect((await body(en)).error.message).toBe("That meeting does not exist, or you do not have access to it.");
    const chosen = await english.fetch(path, { headers: { "accept-language": "sw" } });
    expect((await body(chosen)).error.message).toBe("That meeting does not exist, or you do not have access to it.");
  });

  it("a pasted list's line errors are in the reader's language too", async () => {
    const meetingId = await postMeeting(swahili);
    const res = await swahili.json(`/api/meetings/${meetingId}/participants/bulk`, "POST", {
      text: "Juma, 0712\nWanjiru",
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { added: number; errors: { line: number; message: string }[] };
    expect(result.added).toBe(0);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/^"0712" si nambari halali ya simu/) }),
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^Tulitarajia "jina, nambari"/) }),
    ]);
  });
});
