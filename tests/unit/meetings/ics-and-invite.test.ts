import { describe, expect, it } from "vitest";
import { meetingIcs } from "@/lib/meetings/ics";
import { groupPin, inviteText } from "@/lib/meetings/invite-text";
import { formatInZone, utcToZonedWallTime, zonedWallTimeToUtc } from "@/lib/shared/meeting-time";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { formatPhone } from "@/lib/shared/phone";
import { phoneKeyLines } from "@/lib/meetings/phone-key-lines";
import { PHONE_KEYS } from "@/lib/shared/phone-keys";

const meeting = {
  id: "4f1d2c1e-0000-4000-8000-000000000001",
  title: "Board meeting, Q4",
  agenda: "Budget review",
  startsAt: new Date("2026-12-01T06:30:00Z"),
  timeZone: "Africa/Nairobi",
  durationMinutes: 90,
  recurrence: "none",
  dialInNumber: "+254709000100",
  pin: "159260384",
};

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

describe("meetingIcs", () => {
  it("describes the meeting with dial-in number and PIN, in UTC", () => {
    const ics = meetingIcs(meeting);
    expect(ics).toContain("\r\n");
    const text = unfold(ics);
    expect(text).toContain("BEGIN:VEVENT");
    expect(text).toContain(`UID:${meeting.id}@mkutano`);
    expect(text).toContain("DTSTART:20261201T063000Z");
    expect(text).toContain("DURATION:PT1H30M");
    expect(text).toContain("SUMMARY:Board meeting\\, Q4");
    expect(text).toMatch(/DESCRIPTION:.*Dial in: \+254 709 000 100.*PIN: 159 260 384 #.*Time zone: Africa\/Nairobi/);
    expect(text).not.toContain("RRULE");
    expect(text).toContain("STATUS:CONFIRMED");
  });

  it("repeats weekly and can be cancelled", () => {
    const text = unfold(meetingIcs({ ...meeting, recurrence: "weekly", cancelled: true }));
    expect(text).toContain("RRULE:FREQ=WEEKLY");
    expect(text).toContain("STATUS:CANCELLED");
  });

  it("anchors a weekly meeting to its zone's wall clock with TZID and a VTIMEZONE (no drift at clock changes)", () => {
    // 09:30 in London, in winter: 09:30 GMT. A UTC start would show 10:30 once British Summer Time begins.
    const ics = meetingIcs({
      ...meeting,
      timeZone: "Europe/London",
      startsAt: new Date("2026-12-01T09:30:00Z"),
      recurrence: "weekly",
    });
    const text = unfold(ics);
    expect(text).toContain("DTSTART;TZID=Europe/London:20261201T093000\r\n");
    expect(text).not.toMatch(/DTSTART:\d{8}T\d{6}Z/);
    const vtz = /BEGIN:VTIMEZONE\r\n([\s\S]*?)END:VTIMEZONE/.exec(text)?.[1] ?? "";
    expect(vtz).toContain("TZID:Europe/London");
    expect(vtz).toContain("BEGIN:DAYLIGHT");
    expect(vtz).toContain("BEGIN:STANDARD");
    // The zone comes before the event that refers to it, inside the one calendar.
    expect(text.indexOf("END:VTIMEZONE")).toBeLessThan(text.indexOf("BEGIN:VEVENT"));
    expect(text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);

    const nairobi = unfold(meetingIcs({ ...meeting, recurrence: "weekly" }));
    expect(nairobi).toContain("DTSTART;TZID=Africa/Nairobi:20261201T093000\r\n");
    expect(nairobi).toContain("TZID:Africa/Nairobi");
  });

  it("is written in the language of whoever downloads it, with the same zone rules", () => {
    const weekly = {
      ...meeting,
      timeZone: "Europe/London",
      startsAt: new Date("2026-12-01T09:30:00Z"),
      recurrence: "weekly",
    };
    const en = unfold(meetingIcs(weekly, "en"));
    const sw = unfold(meetingIcs(weekly, "sw"));
    expect(en).toMatch(
      /DESCRIPTION:Agenda: Budget review\\nDial in: \+254 709 000 100\\nPIN: 159 260 384 #\\nTime zone: Europe\/London/,
    );
    expect(en).toContain("LOCATION:Phone: +254 709 000 100\\, PIN 159260384");
    expect(sw).toMatch(
      /DESCRIPTION:Ajenda: Budget review\\nPiga simu kuingia: \+254 709 000 100\\nPIN: 159 260 384 #\\nSaa za eneo: Europe\/London/,
    );
    expect(sw).toContain("LOCATION:Simu: +254 709 000 100\\, PIN 159260384");
    expect(sw).not.toMatch(/Agenda:|Dial in:|Time zone:|Phone:/);
    // The organiser's own words are theirs, and the calendar rules do not depend on the language.
    expect(sw).toContain("SUMMARY:Board meeting\\, Q4");
    for (const text of [en, sw]) {
      expect(text).toContain("DTSTART;TZID=Europe/London:20261201T093000\r\n");
      expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
      expect(text).toContain("RRULE:FREQ=WEEKLY");
    }
    // Without a language it is English, as before.
    expect(unfold(meetingIcs(weekly))).toContain("Dial in: +254 709 000 100");
  });

  it("carries no link an invitee cannot open", () => {
    for (const recurrence of ["none", "weekly"]) {
      const text = unfold(meetingIcs({ ...meeting, recurrence }));
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).not.toMatch(/^URL/m);
    }
  });

  it("increments SEQUENCE when the meeting changes", () => {
    const a = unfold(meetingIcs({ ...meeting, updatedAt: new Date("2026-11-01T00:00:00Z") }));
    const b = unfold(meetingIcs({ ...meeting, updatedAt: new Date("2026-11-02T00:00:00Z") }));
    const seqOf = (s: string) => Number(/SEQUENCE:(\d+)/.exec(s)?.[1]);
    expect(seqOf(b)).toBeGreaterThan(seqOf(a));
  });
});

describe("invite text", () => {
  it("carries the time in the meeting's zone, the dial-in number and the PIN", () => {
    const text = inviteText({ ...meeting, recurrence: "weekly", dialInDisplay: formatPhone(meeting.dialInNumber) });
    expect(text).toContain("Board meeting, Q4");
    expect(text).toContain("09:30");
    expect(text).toContain("every week");
    expect(text).toContain("call +254 709 000 100 and enter PIN 159 260 384 followed by #");
    expect(groupPin("1592603841")).toBe("159 260 384 1");
  });
  it("still gives the PIN without a dial-in number", () => {
    const text = inviteText({ ...meeting, dialInDisplay: null });
    expect(text).toContain("Meeting PIN: 159 260 384");
    expect(text).not.toContain("To join, call");
  });
  it("is in the language of whoever copies it: Swahili words, date and month names", () => {
    const weekly = { ...meeting, recurrence: "weekly", dialInDisplay: "+254 709 000 100" };
    const text = inviteText(weekly, "sw");
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Umealikwa kwenye mkutano wa simu: Board meeting, Q4",
      `Lini: ${formatInZone(meeting.startsAt, meeting.timeZone, "sw-KE")} (dakika 90), kila wiki`,
      "Ajenda: Budget review",
    ]);
    expect(text).toContain("Kujiunga, piga +254 709 000 100 kisha uweke PIN 159 260 384 ikifuatiwa na #.");
    expect(text).toContain("Mratibu anaweza pia kukupigia simu mkutano ukianza.");
    expect(text).not.toMatch(/invited|When:|To join|organiser/);
    expect(inviteText({ ...meeting, dialInDisplay: null }, "sw")).toContain(
      "PIN ya mkutano: 159 260 384 (mratibu atakutumia nambari ya kupiga simu kuingia).",
    );
    // The same meeting in English names the month in English.
    expect(inviteText(weekly, "en")).toContain(`When: ${formatInZone(meeting.startsAt, meeting.timeZone, "en-KE")}`);
  });
});

describe("the phone keys in the invite and the .ics", () => {
  const lines = phoneKeyLines();

  it("lists every key of the one key map, in English then Swahili", () => {
    expect(lines[0]).toBe("Phone keys during the meeting:");
    expect(lines[3]).toBe("Vitufe vya simu wakati wa mkutano:");
    for (const [i, locale] of [
      [0, "en"],
      [3, "sw"],
    ] as const) {
      const block = lines.slice(i, i + 3).join("\n");
      for (const k of PHONE_KEYS) expect(block, `${locale} ${k.keys}`).toContain(`${k.keys} `);
    }
    expect(lines[1]).toContain("*6 Mute or unmute yourself");
    expect(lines[4]).toContain("*9 Nyoosha au shusha mkono");
    expect(lines[2]).toMatch(/^Hosts also: \*5 /);
  });

  it("is appended to the invite text and the calendar description", () => {
    const text = inviteText({ ...meeting, dialInDisplay: "+254 709 000100", phoneKeys: lines });
    expect(text.endsWith(lines.join("\n"))).toBe(true);
    const ics = unfold(meetingIcs({ ...meeting, phoneKeys: lines }));
    expect(ics).toContain("*6 Mute or unmute yourself");
    expect(ics).toContain("Vitufe vya simu wakati wa mkutano:");
  });
});

describe("meeting time zones", () => {
  it("converts wall-clock time in a zone to UTC and back", () => {
    expect(zonedWallTimeToUtc("2026-12-01T09:30", "Africa/Nairobi").toISOString()).toBe("2026-12-01T06:30:00.000Z");
    expect(zonedWallTimeToUtc("2026-07-01T09:30", "Europe/London").toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(zonedWallTimeToUtc("2026-12-01T09:30", "Europe/London").toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(utcToZonedWallTime(new Date("2026-12-01T06:30:00Z"), "Africa/Nairobi")).toBe("2026-12-01T09:30");
    expect(formatInZone(new Date("2026-12-01T06:30:00Z"), "Africa/Nairobi")).toMatch(/09:30/);
  });
});

describe("prompts", () => {
  it("speak English and Swahili, with the right language tag", () => {
    expect(promptsFor("en").language).toBe("en-KE");
    expect(promptsFor("sw").language).toBe("sw-KE");
    expect(promptsFor("sw").greeting("Amina", "Bajeti")).toContain("Amina");
    expect(promptsFor("sw").meetingFull).not.toBe(promptsFor("en").meetingFull);
    expect(promptsFor("xx").language).toBe("en-KE");
  });
});

describe("weekly recurrence", () => {
  it("keeps the wall-clock time across daylight saving and skips past weeks", async () => {
    const { nextWeekly } = await import("@/lib/meetings/schedule-next-occurrence");
    const london = new Date("2026-10-20T08:00:00Z"); // 09:00 BST
    expect(nextWeekly(london, "Europe/London", london).toISOString()).toBe("2026-10-27T09:00:00.000Z"); // 09:00 GMT
    const nairobi = new Date("2026-12-01T06:30:00Z");
    expect(nextWeekly(nairobi, "Africa/Nairobi", new Date("2026-12-20T00:00:00Z")).toISOString()).toBe(
      "2026-12-22T06:30:00.000Z",
    );
  });
});
