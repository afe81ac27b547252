import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

// Domain functions re-check the role themselves; a page or route forgetting to is not a hole.
export function assertAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "adminOnly");
}
