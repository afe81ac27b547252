import { z } from "zod";

// Form input schemas shared by server actions (and usable client-side: no server imports here).
export const PASSWORD_MIN = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email({ message: "Enter a valid email address" }));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(256, "Use at most 256 characters");

export const nameSchema = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(80, "Use at most 80 characters");

export const roleSchema = z.enum(["admin", "organiser"], { message: "Choose admin or organiser" });

export const signInSchema = z.object({
  email: emailSchema,
  // Never length-checked on sign-in: the message must not hint at the password rules of an account.
  password: z.string().min(1, "Enter your password").max(256),
});

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: workspaceNameSchema,
});

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const newPasswordSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });

/**
 * Only same-site relative paths may be used as post-sign-in destinations. The path is resolved the
 * way a browser resolves it (tabs and newlines dropped, "\\" read as "/"), so "/\t/evil.example"
 * cannot leave the site, and returned percent-encoded, so it is always a valid Location header.
 */
export function safeNextPath(next: unknown, fallback = "/meetings"): string {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  const base = "http://mkutano.invalid";
  const url = URL.parse(next, base);
  if (!url || url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
