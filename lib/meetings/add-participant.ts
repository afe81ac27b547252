import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldError } from "@/lib/shared/error-keys";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { participantInputSchema } from "@/lib/shared/meeting-schemas";

export async function addParticipant(actor: Actor, meetingId: string, raw: unknown) {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "addPeople");
  const input = participantInputSchema.parse(raw);
  try {
    return await db.participant.create({
      data: {
        workspaceId: actor.workspaceId,
        meetingId: meeting.id,
        name: input.name,
        phoneE164: input.phone,
        role: input.role,
      },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("CONFLICT", "phoneAlreadyParticipant", {
        params: { phone: input.phone },
        details: [{ path: "phone", message: fieldError("alreadyParticipantField") }],
      });
    }
    throw e;
  }
}
