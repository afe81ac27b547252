// GET /api/missing — adapter fixture: notFound() from a handler becomes a 404.
import { notFound } from "next/navigation";

export function GET(): Response {
  notFound();
}
