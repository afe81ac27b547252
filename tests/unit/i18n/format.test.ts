import { describe, expect, it } from "vitest";
import { formatBytes, formatDateTime, formatKes, formatMonth, formatterFor, formatTime } from "@/lib/shared/format";

// One formatter module for money, numbers and dates; each takes the reader's language.

describe("locale formatting", () => {
  const at = "2026-12-03T10:05:09Z"; // 13:05:09 in Nairobi

  it("writes KES with the ISO code and grouped digits in both languages", () => {
    expect(formatKes(123_456_78, "en")).toBe("KES 123,456.78");
    expect(formatKes(80, "sw")).toBe("KES 0.80");
    expect(formatKes(0)).toBe("KES 0.00");
  });

  it("names months in the reader's language, in East Africa Time", () => {
    expect(formatDateTime(at, "en")).toBe("3 Dec 2026, 13:05 EAT");
    expect(formatDateTime(at, "sw")).toBe("3 Des 2026, 13:05 EAT");
    expect(formatDateTime(at, "sw", { seconds: true })).toMatch(/^3 Des,? 13:05:09 EAT$/);
    expect(formatTime(at, "sw")).toBe("13:05:09");
    expect(formatDateTime(null, "sw")).toBe("—");
    expect(formatMonth("2026-12", "en")).toBe("December 2026");
    expect(formatMonth("2026-12", "sw")).toBe("Desemba 2026");
  });

  it("binds every formatter to one language", () => {
    const sw = formatterFor("sw");
    expect(sw.month("2027-01")).toBe("Januari 2027");
    expect(sw.kes(150_050)).toBe("KES 1,500.50");
    expect(sw.duration(3723)).toBe("1:02:03");
    expect(formatBytes(2_500_000, "en")).toBe("2.4 MB");
    expect(formatBytes(512, "sw")).toBe("512 B");
  });
});
