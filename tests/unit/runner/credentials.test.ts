import { describe, expect, it } from "vitest";
import { formatCredentials } from "@/scripts/lib/credentials";

describe("formatCredentials", () => {
  it("formats the seed's list of accounts", () => {
    expect(
      formatCredentials([
        { role: "admin", email: "a@x", password: "p1" },
        { email: "b@x", password: "p2" },
      ]),
    ).toEqual(["a@x / p1  (admin)", "b@x / p2"]);
  });

  it("accepts a role → account map and ignores anything malformed", () => {
    expect(formatCredentials({ organiser: { email: "o@x", password: "p" }, junk: 3 })).toEqual([
      "o@x / p  (organiser)",
    ]);
    expect(formatCredentials(undefined)).toEqual([]);
    expect(formatCredentials([{ email: "no-password" }])).toEqual([]);
  });
});
