import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordFingerprint } from "@/lib/auth/session-fingerprint";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
  });

  it("answers false (after doing the same work) when there is no account", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });

  it("answers false for a corrupt stored hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("gives each password hash a different session fingerprint", async () => {
    const a = await hashPassword("same password 1");
    const b = await hashPassword("same password 1");
    expect(passwordFingerprint(a)).not.toBe(passwordFingerprint(b));
    expect(passwordFingerprint(a)).toBe(passwordFingerprint(a));
    expect(passwordFingerprint(a)).not.toContain(a.slice(-10));
  });
});
