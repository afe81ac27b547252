import { describe, expect, it } from "vitest";
import { buildStatement, type StatementLeg } from "@/lib/spend/build-statement";
import { csvCell, statementCsv } from "@/lib/spend/statement-csv";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const s = (n: number) => T0 + n * 1000;

function leg(over: Partial<StatementLeg>): StatementLeg {
  return {
    id: Math.random().toString(36).slice(2),
    participantId: "p1",
    name: "Amina",
    phone: "+254711000001",
    role: "participant",
    direction: "outbound",
    callId: "c",
    answeredAt: null,
    waitingAt: null,
    joinedAt: null,
    endedAt: null,
    durationSeconds: null,
    costMinor: null,
    ratePerMinuteMinor: 300,
    ...over,
  };
}

describe("buildStatement", () => {
  it("folds a person's legs: first join, last leave, waiting and connected time, billed seconds and cost", () => {
    const st = buildStatement(
      [
        // Waited 10 s for the host, talked 50 s, dropped; Sautikit billed 62 s = 310 minor.
        leg({
          answeredAt: s(0),
          waitingAt: s(2),
          joinedAt: s(12),
          endedAt: s(62),
          durationSeconds: 62,
          costMinor: 310,
        }),
        // Re-dialled: straight into the started room for 30 s.
        leg({ answeredAt: s(100), joinedAt: s(101), endedAt: s(131), durationSeconds: 31, costMinor: 155 }),
        // Another person never answered: a row with no time and no cost.
        leg({
          participantId: "p2",
          name: "Baraka",
          phone: "+254711000002",
          endedAt: s(30),
          durationSeconds: 0,
          costMinor: 0,
        }),
      ],
      s(500),
    );
    expect(st.rows).toHaveLength(2);
    const amina = st.rows.find((r) => r.key === "p1")!;
    expect(amina).toMatchObject({
      legs: 2,
      joinedAt: s(2),
      leftAt: s(131),
      secondsWaiting: 10,
      secondsConnected: 80,
      billedSeconds: 93,
      costMinor: 465,
    });
    const baraka = st.rows.find((r) => r.key === "p2")!;
    expect(baraka).toMatchObject({
      legs: 1,
      joinedAt: null,
      leftAt: null,
      secondsConnected: 0,
      billedSeconds: 0,
      costMinor: 0,
    });
    expect(st.totals).toEqual({ legs: 3, secondsWaiting: 10, secondsConnected: 80, billedSeconds: 93, costMinor: 465 });
    // People who joined come first, in order of joining.
    expect(st.rows.map((r) => r.key)).toEqual(["p1", "p2"]);
  });

  it("meters a live leg up to now and leaves it without a leave time", () => {
    const st = buildStatement(
      [leg({ answeredAt: s(0), joinedAt: s(1), durationSeconds: null, costMinor: null })],
      s(61),
    );
    expect(st.rows[0]).toMatchObject({
      leftAt: null,
      secondsConnected: 60,
      billedSeconds: 61,
      costMinor: Math.ceil((61 * 300) / 60),
    });
  });

  it("groups unknown dial-in callers by their number", () => {
    // A caller who dialled in from a number no participant has: free to the workspace.
    const guestCall = (over: Partial<StatementLeg>) =>
      leg({
        participantId: null,
        name: null,
        role: null,
        direction: "inbound",
        phone: "+254722000000",
        ratePerMinuteMinor: 0,
        ...over,
      });
    const st = buildStatement(
      [
        guestCall({ answeredAt: s(0), joinedAt: s(0), endedAt: s(20), durationSeconds: 20, costMinor: 0 }),
        guestCall({ answeredAt: s(30), joinedAt: s(30), endedAt: s(40), durationSeconds: 10, costMinor: 0 }),
      ],
      s(50),
    );
    expect(st.rows).toHaveLength(1);
    expect(st.rows[0]).toMatchObject({
      name: "Guest caller",
      role: "dial-in",
      legs: 2,
      secondsConnected: 30,
      costMinor: 0,
    });
  });
});

describe("statementCsv", () => {
  it("quotes, neutralises spreadsheet formulas and totals the cost in KES", () => {
    expect(csvCell('Say "hi", please')).toBe('"Say ""hi"", please"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+254711000001")).toBe("'+254711000001");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    const st = buildStatement(
      [leg({ name: "@evil", answeredAt: s(0), joinedAt: s(0), endedAt: s(10), durationSeconds: 10, costMinor: 50 })],
      s(20),
    );
    const lines = statementCsv(st).split("\r\n");
    expect(lines[1]).toBe(
      `'@evil,"=""+254 711 000 001""",participant,2026-01-05T09:00:00.000Z,2026-01-05T09:00:10.000Z,10,0,1,10,0.50,"dial: left, KES 0.50"`,
    );
    expect(lines[2]).toBe("Total,,,,,10,0,1,10,0.50,");
    expect(lines[3]).toBe("");
  });
});

describe("statementCsvLabels", () => {
  it("names each call and its outcome as the roster does, in English and Swahili", async () => {
    const { statementCsvLabels } = await import("@/lib/spend/statement-csv-labels");
    const st = buildStatement(
      [
        leg({
          purpose: "reminder",
          state: "left",
          endReason: "reminded",
          answeredAt: s(0),
          endedAt: s(10),
          durationSeconds: 10,
          costMinor: 50,
        }),
        leg({
          purpose: "dial",
          state: "left",
          endReason: "no_person",
          answeredAt: s(60),
          endedAt: s(80),
          costMinor: 100,
        }),
        leg({ purpose: "redial", state: "left", endReason: "busy", endedAt: s(90), costMinor: 0 }),
      ],
      s(100),
    );
    const en = statementCsv(st, statementCsvLabels("en")).split("\r\n");
    expect(en[0]!.split(",").at(-1)).toBe("Calls");
    expect(en[1]).toContain(
      '"Reminder call: Reminded (will join later), KES 0.50; Call: No answer from a person (voicemail?), KES 1.00; Call back after a drop: Left (busy), KES 0.00"',
    );
    const sw = statementCsv(st, statementCsvLabels("sw")).split("\r\n");
    expect(sw[0]!.split(",").slice(0, 3)).toEqual(["Jina", "Simu", "Wadhifa"]);
    expect(sw[1]).toContain(",Mshiriki,");
    expect(sw[1]).toContain(
      '"Simu ya ukumbusho: Amekumbushwa (atajiunga baadaye), KES 0.50; Simu: Hakuna mtu aliyejibu',
    );
    expect(sw[2]!.startsWith("Jumla,")).toBe(true);
  });
});
