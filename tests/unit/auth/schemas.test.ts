import { describe, expect, it } from "vitest";
import {
  emailSchema,
  inviteSchema,
  newPasswordSchema,
  safeNextPath,
  signInSchema,
  signUpSchema,
} from "@/lib/auth/schemas";

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
    ["dot segment before //", "/.//evil.example"],
    ["dot-dot segment before //", "/..//evil.example"],
    ["encoded dot segment before //", "/%2e//evil.example"],
    ["encoded dot-dot segment before //", "/%2e%2e//evil.example"],
    ["a folded segment before //", "/a/..//evil.example"],
    ["deeper folded segments before //", "/a/b/../..//evil.example/x?y#z"],
    ["two backslashes", "\\\\evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["slash-dot backslash", "/.\\evil.example"],
    ["encoded slashes", "/%2f%2fevil.example"],
    ["encoded slashes (upper case)", "/%2F%2Fevil.example"],
    ["slash and an encoded slash", "//%2fevil.example"],
    ["encoded backslash", "/%5cevil.example"],
    ["encoded backslash after a slash", "/%5c%5cevil.example"],
    ["double-encoded slashes", "/%252f%252fevil.example"],
    ["tab inside //", "/\t/evil.example"],
    ["newline inside //", "/\n/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["javascript URL", "javascript:alert(1)"],
    ["javascript URL behind a slash", "/javascript:alert(1)//%0a"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["scheme with slashes", "https:/evil.example"],
    ["malformed encoding", "/%E0%A4%A"],
  ])("falls back for a %s", (_label, value) => {
    expect(safeNextPath(value)).toBe("/meetings");
    expect(safeNextPath(value, "/sign-in")).toBe("/sign-in");
  });

  it.each([
    ["/meetings/abc", "/meetings/abc"],
    ["/meetings/../settings", "/settings"],
    ["/a/./b", "/a/b"],
    ["/invite/tok-123?x=1#y", "/invite/tok-123?x=1#y"],
    ["/search?q=a%20b", "/search?q=a%20b"],
  ])("keeps the same-site path %s as %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it("never returns anything a browser would resolve to another origin", () => {
    // A deterministic sweep over short paths built from the characters that matter.
    const parts = ["/", "\\", ".", "..", "%2e", "%2f", "%5c", "x", "%09", ":"];
    const seen: string[] = [];
    const walk = (prefix: string, depth: number) => {
      if (depth === 0) return;
      for (const p of parts) {
        const candidate = `${prefix}${p}`;
        const out = safeNextPath(candidate);
        const resolved = new URL(out, "https://app.example");
        if (resolved.origin !== "https://app.example" || out.startsWith("//") || out.includes("\\"))
          seen.push(`${candidate} -> ${out}`);
        walk(candidate, depth - 1);
      }
    };
    walk("/", 4);
    expect(seen).toEqual([]);
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
