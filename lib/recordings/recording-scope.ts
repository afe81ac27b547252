import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Admins see every recording of their workspace; organisers only those of meetings they organise.
// Anything outside that scope (another workspace, a colleague's meeting, a deleted recording) is
// "not found", so an id leaks nothing.

type ActorLike = Pick<Actor, "workspaceId" | "userId" | "role">;

export function recordingScope(actor: ActorLike): Prisma.RecordingWhereInput {
  const base: Prisma.RecordingWhereInput = { workspaceId: actor.workspaceId, deletedAt: null };
  return actor.role === "admin" ? base : { ...base, meeting: { organiserId: actor.userId } };
}

export function recordingNotFound(): AppError {
  return new AppError("NOT_FOUND", "recordingNotFound");
}

export async function findRecordingForActor(actor: ActorLike, recordingId: string) {
  // Ids are UUIDs; anything else cannot exist (and must not reach the database as a cast error).
  if (!/^[0-9a-f-]{36}$/i.test(recordingId)) throw recordingNotFound();
  const rec = await db.recording.findFirst({
    where: { ...recordingScope(actor), id: recordingId },
    include: { meeting: { select: { id: true, title: true, organiserId: true, startedAt: true, endedAt: true } } },
  });
  if (!rec) throw recordingNotFound();
  return rec;
}
