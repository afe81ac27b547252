import { describe, expect, it } from "vitest";
import { parseBulkParticipants } from "@/lib/shared/bulk-participants";

describe("parseBulkParticipants", () => {
  it("parses name, number lines in several shapes", () => {
    const text = [
      "Amina Odhiambo, 0712 345 678",
      "",
      "# a comment",
      "+254 722 000 111\tJuma Kariuki",
      "Wanjiru; 0110-123-456; listener",
      "Otieno, 254733444555, host",
    ].join("\n");
    const r = parseBulkParticipants(text);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, name: "Amina Odhiambo", phoneE164: "+254712345678", role: "participant" },
      { line: 4, name: "Juma Kariuki", phoneE164: "+254722000111", role: "participant" },
      { line: 5, name: "Wanjiru", phoneE164: "+254110123456", role: "listener" },
      { line: 6, name: "Otieno", phoneE164: "+254733444555", role: "host" },
    ]);
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
  });
});
