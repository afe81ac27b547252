import { describe, expect, it } from "vitest";
import { keepFailedLines } from "@/lib/shared/bulk-lines";
import { parseBulkParticipants, splitCells } from "@/lib/shared/bulk-participants";

/** What a spreadsheet puts on the clipboard: cells joined by tabs, rows by CRLF. */
const spreadsheetCopy = (rows: string[][]) => rows.map((cells) => cells.join("\t")).join("\r\n");

describe("parseBulkParticipants", () => {
  // Pastes that parse cleanly: every line a row, nothing refused.
  it.each([
    {
      paste: "name, number lines in several shapes",
      text: [
        "Amina Odhiambo, 0712 345 678",
        "",
        "# a comment",
        "+254 722 000 111\tJuma Kariuki",
        "Wanjiru; 0110-123-456; listener",
        "Otieno, 254733444555, host",
      ].join("\n"),
      rows: [
        { line: 1, name: "Amina Odhiambo", phoneE164: "+254712345678", role: "participant" },
        { line: 4, name: "Juma Kariuki", phoneE164: "+254722000111", role: "participant" },
        { line: 5, name: "Wanjiru", phoneE164: "+254110123456", role: "listener" },
        { line: 6, name: "Otieno", phoneE164: "+254733444555", role: "host" },
      ],
    },
    {
      paste: "rows copied from a spreadsheet: tab-separated, a header row, empty trailing cells",
      text: spreadsheetCopy([
        ["Name", "Phone", "Role", ""],
        ["Amina Odhiambo", "0712 345 678", "", ""],
        ["Juma Kariuki", "+254 722 000 111", "listener"],
      ]),
      rows: [
        { line: 2, name: "Amina Odhiambo", phoneE164: "+254712345678", role: "participant" },
        { line: 3, name: "Juma Kariuki", phoneE164: "+254722000111", role: "listener" },
      ],
    },
  ])("parses $paste", ({ text, rows }) => {
    const r = parseBulkParticipants(text);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual(rows);
  });

  it("reports an error per bad line and keeps the good ones", () => {
    const text = ["Amina, 0712", "Juma", "Wanjiru, 0722 000 111", ", 0733 444 555", "A, B, C, D"].join("\r\n");
    const r = parseBulkParticipants(text);
    expect(r.rows.map((x) => x.line)).toEqual([3]);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [1, expect.stringMatching(/not a valid phone number/)],
      [2, expect.stringMatching(/Expected "name, number"/)],
      [4, expect.stringMatching(/Missing the person's name/)],
      [5, expect.stringMatching(/Expected "name, number"/)],
    ]);
  });

  it("refuses duplicates within the paste and against existing participants", () => {
    const text = ["Amina, 0712 345 678", "Amina again, +254712345678", "Juma, 0722 000 111"].join("\n");
    const r = parseBulkParticipants(text, ["+254722000111"]);
    expect(r.rows.map((x) => x.phoneE164)).toEqual(["+254712345678"]);
    expect(r.errors).toEqual([
      { line: 2, text: "Amina again, +254712345678", message: "+254712345678 duplicates line 1." },
      { line: 3, text: "Juma, 0722 000 111", message: "+254722000111 is already a participant in this meeting." },
    ]);
  });

  it("caps the number of lines", () => {
    const text = Array.from({ length: 502 }, (_, i) => `P${i}, +2547${String(10000000 + i)}`).join("\n");
    const r = parseBulkParticipants(text);
    expect(r.rows).toHaveLength(500);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/Only 500 lines/);
    expect(r.errors[0]).toMatchObject({ line: 501, andAfter: true });
  });

  it("takes CSV with quoted cells that hold commas and quotes", () => {
    const text = ['"Odhiambo, Amina",0712 345 678', '"Juma ""JK"" Kariuki","+254 722 000 111",host'].join("\n");
    const r = parseBulkParticipants(text);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.name, x.phoneE164, x.role])).toEqual([
      ["Odhiambo, Amina", "+254712345678", "participant"],
      ['Juma "JK" Kariuki', "+254722000111", "host"],
    ]);
  });

  it("a header-looking line after the first row is an ordinary (failing) line", () => {
    const r = parseBulkParticipants(["Amina, 0712 345 678", "Name, Phone"].join("\n"));
    expect(r.rows).toHaveLength(1);
    expect(r.errors.map((e) => e.line)).toEqual([2]);
  });

  it("splits cells the way a spreadsheet or CSV file means them", () => {
    expect(splitCells("a;b")).toEqual(["a", "b"]);
    expect(splitCells('"a,b" , c')).toEqual(["a,b", "c"]);
    expect(splitCells("a\tb, c\t\t")).toEqual(["a", "b, c"]);
  });
});

describe("keepFailedLines", () => {
  it("keeps only the failed lines and renumbers their errors to the text that stays", () => {
    const text = ["Amina, 0712 345 678", "Juma", "", "Wanjiru, 0722 000 111", "Otieno, 0712"].join("\n");
    const { errors } = parseBulkParticipants(text);
    expect(errors.map((e) => e.line)).toEqual([2, 5]);
    const kept = keepFailedLines(text, errors);
    expect(kept.text).toBe("Juma\nOtieno, 0712");
    expect(kept.errors.map((e) => [e.line, e.text])).toEqual([
      [1, "Juma"],
      [2, "Otieno, 0712"],
    ]);
    // Fixing nothing and adding again reports the same lines under the same (new) numbers.
    expect(parseBulkParticipants(kept.text).errors.map((e) => e.line)).toEqual([1, 2]);
  });

  it("keeps every line from an over-the-limit line on, so nothing pasted is lost", () => {
    const text = Array.from({ length: 503 }, (_, i) => `P${i}, +2547${String(10000000 + i)}`).join("\n");
    const kept = keepFailedLines(text, parseBulkParticipants(text).errors);
    expect(kept.text.split("\n")).toEqual(["P500, +254710000500", "P501, +254710000501", "P502, +254710000502"]);
    expect(kept.errors).toEqual([expect.objectContaining({ line: 1, andAfter: true })]);
  });
});
