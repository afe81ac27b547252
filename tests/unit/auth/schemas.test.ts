import { describe, expect, it } from "vitest";
import { emailSchema, inviteSchema, newPasswordSchema, safeNextPath, signInSchema, signUpSchema } from "@/lib/auth/schemas";

describe("safeNextPath", () => {
  it("keeps same-site relative paths", () => {
    expect(safeNextPath("/settings/members?tab=invites")).toBe("/settings/members?tab=invites");
  });

  it.each([
    ["absolute URL", "https://evil.example/phish"],
    ["protocol-relative URL", "//evil.example"],
    ["backslash trick", "/\\evil.example"],
    ["relative path", "meetings"],
    ["javascript URL", "javascript:alert(1)"],
    ["non-string", 42],
    ["missing", undefined],
  ])("falls back for a %s", (_label, value) => {
    expect(safeNextPath(value)).toBe("/meetings");
    expect(safeNextPath(value, "/sign-in")).toBe("/sign-in");
  });
});

describe("form schemas", () => {
  it("normalises emails to trimmed lower case", () => {
    expect(emailSchema.parse("  Wanjiru@Example.CO.KE ")).toBe("wanjiru@example.co.ke");
    expect(emailSchema.safeParse("not-an-email").success).toBe(false);
  });

  it("requires passwords of at least 10 characters on sign-up", () => {
    const base = { name: "Amina", email: "a@example.com", workspaceName: "Coop" };
    const short = signUpSchema.safeParse({ ...base, password: "123456789" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.path).toEqual(["password"]);
    expect(signUpSchema.safeParse({ ...base, password: "1234567890" }).success).toBe(true);
  });

  it("does not apply the length rule on sign-in (it would hint at the rules)", () => {
    expect(signInSchema.safeParse({ email: "a@example.com", password: "short" }).success).toBe(true);
    expect(signInSchema.safeParse({ email: "a@example.com", password: "" }).success).toBe(false);
  });

  it("rejects a mismatched confirmation on the confirm field", () => {
    const r = newPasswordSchema.safeParse({ password: "long-enough-1", confirm: "long-enough-2" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["confirm"]);
  });

  it("accepts only the two roles for invites", () => {
    expect(inviteSchema.safeParse({ email: "x@example.com", role: "organiser" }).success).toBe(true);
    expect(inviteSchema.safeParse({ email: "x@example.com", role: "owner" }).success).toBe(false);
  });
});
