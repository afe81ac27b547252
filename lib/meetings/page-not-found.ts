import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Turns a domain NOT_FOUND into the 404 page; anything else propagates. */
export function pageNotFound(e: unknown): never {
  if (isAppError(e) && e.code === "NOT_FOUND") notFound();
  throw e;
}
