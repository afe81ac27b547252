import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";

// Form input schemas shared by server actions (and usable client-side: no server imports here).
export const PASSWORD_MIN = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, fieldError("emailTooLong"))
  .pipe(z.email({ message: fieldError("emailInvalid") }));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, fieldError("atLeastChars"))
  .max(256, fieldError("atMostChars"));

export const nameSchema = z.string().trim().min(1, fieldError("nameRequired")).max(100, fieldError("atMostChars"));

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(2, fieldError("atLeastChars"))
  .max(80, fieldError("atMostChars"));

export const roleSchema = z.enum(["admin", "organiser"], { message: fieldError("roleInvalid") });

export const signInSchema = z.object({
  email: emailSchema,
  // Never length-checked on sign-in: the message must not hint at the password rules of an account.
  password: z.string().min(1, fieldError("passwordRequired")).max(256),
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
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: fieldError("passwordsDiffer") });

const NEXT_BASE = "http://mkutano.invalid";
// Backslashes (browsers read "\\" as "/") and control characters (browsers drop tabs and newlines)
// have no place in a path we link to; refusing them outright is simpler than predicting a parser.
const UNSAFE_CHARS = /[\\\u0000-\u001f\u007f]/;

function decodeFully(value: string): string | null {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null; // Encoded five levels deep: nobody links like that on purpose.
}

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, fieldError("currentPasswordRequired")).max(256),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: fieldError("passwordsDiffer") });

export const profileSchema = z.object({ name: nameSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });

/**
 * Only same-site relative paths may be used as post-sign-in destinations. The candidate is resolved
 * against a dummy origin the way a browser would resolve it; it is refused when it (or its
 * percent-decoded form) holds a backslash or control character, when it resolves to another origin,
 * or when the resolved path starts with "//" — "/.//x", "/a/..//x" and "/%2e//x" all normalise to
 * "//x", which a browser reads as a link to the host "x". The result is resolved once more and must
 * land on the same path, so what we return is exactly where the browser will go.
 */
export function safeNextPath(next: unknown, fallback = "/meetings"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2048) return fallback;
  const decoded = decodeFully(next);
  if (decoded === null || UNSAFE_CHARS.test(next) || UNSAFE_CHARS.test(decoded)) return fallback;
  if (decoded.startsWith("//")) return fallback;
  const url = URL.parse(next, NEXT_BASE);
  if (!url || url.origin !== NEXT_BASE || url.pathname.startsWith("//")) return fallback;
  const result = `${url.pathname}${url.search}${url.hash}`;
  const again = URL.parse(result, NEXT_BASE);
  if (!again || again.origin !== NEXT_BASE || `${again.pathname}${again.search}${again.hash}` !== result)
    return fallback;
  const decodedPath = decodeFully(url.pathname);
  if (decodedPath === null || decodedPath.startsWith("//") || UNSAFE_CHARS.test(decodedPath)) return fallback;
  return result;
}
