import "server-only";
import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordingScope } from "@/lib/recordings/recording-scope";
import { forViewer } from "@/lib/privacy/phone-visibility";

// The recordings list: newest first, filtered by date range (days in the workspace's time zone),
// meeting and organiser. Organisers get their own meetings' recordings whatever they ask for.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-01-31");
const id = z.string().uuid("not a valid id");

export const recordingFiltersSchema = z
  .object({
    from: day.optional().or(z.literal("").transform(() => undefined)),
    to: day.optional().or(z.literal("").transform(() => undefined)),
    meetingId: id.optional().or(z.literal("").transform(() => undefined)),
    organiserId: id.optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: fieldError("dateRangeReversed"),
    path: ["to"],
  });
export type RecordingFilters = z.infer<typeof recordingFiltersSchema>;

export type RecordingListItem = {
  id: string;
  meetingId: string;
  meetingTitle: string;
  organiserName: string;
  createdAt: string;
  durationSeconds: number | null;
  sizeBytes: number | null;
  participants: number;
};

export const RECORDING_LIST_LIMIT = 200;
// Nairobi has no daylight saving, so a fixed offset turns a calendar day into an instant range.
const EAT_OFFSET = "+03:00";

export async function listRecordings(actor: Actor, filters: RecordingFilters = {}): Promise<RecordingListItem[]> {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00${EAT_OFFSET}`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00${EAT_OFFSET}`).getTime() + 86_400_000);
  const meeting: Prisma.MeetingWhereInput = {};
  if (filters.organiserId && actor.role === "admin") meeting.organiserId = filters.organiserId;

  const rows = await db.recording.findMany({
    where: {
      AND: [
        recordingScope(actor),
        filters.meetingId ? { meetingId: filters.meetingId } : {},
        Object.keys(createdAt).length ? { createdAt } : {},
        Object.keys(meeting).length ? { meeting } : {},
      ],
    },
    orderBy: { createdAt: "desc" },
    take: RECORDING_LIST_LIMIT,
    include: { meeting: { select: { id: true, title: true, organiserId: true } } },
  });
  if (rows.length === 0) return [];

  const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
  const [organisers, joined] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.meeting.organiserId))] } },
      select: { id: true, name: true },
    }),
    // People who were in the room: distinct participants with a leg that joined or waited there.
    db.leg.findMany({
      where: {
        meetingId: { in: meetingIds },
        workspaceId: actor.workspaceId,
        OR: [{ joinedAt: { not: null } }, { waitingAt: { not: null } }],
      },
      select: { meetingId: true, participantId: true, fromE164: true, toE164: true },
    }),
  ]);
  const names = new Map(organisers.map((u) => [u.id, u.name]));
  const people = new Map<string, Set<string>>();
  for (const l of joined) {
    const set = people.get(l.meetingId) ?? new Set<string>();
    set.add(l.participantId ?? `phone:${l.fromE164 ?? l.toE164 ?? "unknown"}`);
    people.set(l.meetingId, set);
  }

  return forViewer(
    actor,
    rows.map((r) => ({
      id: r.id,
      meetingId: r.meetingId,
      meetingTitle: r.meeting.title,
      organiserName: names.get(r.meeting.organiserId) ?? "Former member",
      createdAt: r.createdAt.toISOString(),
      durationSeconds: r.durationSeconds,
      sizeBytes: r.sizeBytes,
      participants: people.get(r.meetingId)?.size ?? 0,
    })),
  );
}

/** Options for the filter form: meetings that have recordings in scope, and (admins) organisers. */
export async function recordingFilterOptions(actor: Actor) {
  const meetings = await db.meeting.findMany({
    where: { workspaceId: actor.workspaceId, recordings: { some: recordingScope(actor) } },
    select: { id: true, title: true, startsAt: true, organiserId: true },
    orderBy: { startsAt: "desc" },
    take: 500,
  });
  const organisers =
    actor.role === "admin"
      ? await db.user.findMany({
          where: { memberships: { some: { workspaceId: actor.workspaceId } } },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        })
      : [];
  return {
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() })),
    organisers,
  };
}
