import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { errorText } from "@/lib/i18n/error-text";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import type { BulkAddResult } from "@/lib/shared/api-schemas";
import { parseBulkParticipants } from "@/lib/shared/bulk-participants";
import { bulkInputSchema } from "@/lib/shared/meeting-schemas";

/**
 * Adds every valid line and reports the others, in `locale` (the reader's). Lines that clash with
 * an existing participant (including one added concurrently) are reported, never silently merged.
 */
export async function bulkAddParticipants(
  actor: Actor,
  meetingId: string,
  raw: unknown,
  locale: Locale = DEFAULT_LOCALE,
): Promise<BulkAddResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "addPeople");
  const { text } = bulkInputSchema.parse(raw);
  const existing = await db.participant.findMany({ where: { meetingId: meeting.id }, select: { phoneE164: true } });
  const { rows, errors } = parseBulkParticipants(
    text,
    existing.map((p) => p.phoneE164),
    locale,
  );
  if (rows.length === 0) return { added: 0, errors };
  const res = await db.participant.createMany({
    data: rows.map((r) => ({
      workspaceId: actor.workspaceId,
      meetingId: meeting.id,
      name: r.name,
      phoneE164: r.phoneE164,
      role: r.role,
    })),
    skipDuplicates: true,
  });
  if (res.count < rows.length) {
    const now = await db.participant.findMany({
      where: { meetingId: meeting.id, phoneE164: { in: rows.map((r) => r.phoneE164) } },
      select: { phoneE164: true, name: true },
    });
    const mine = new Map(now.map((p) => [p.phoneE164, p.name]));
    for (const r of rows) {
      if (mine.get(r.phoneE164) !== r.name)
        errors.push({
          line: r.line,
          text: `${r.name}, ${r.phoneE164}`,
          message: errorText(locale, "phoneAlreadyParticipant", { phone: r.phoneE164 }),
        });
    }
    errors.sort((a, b) => a.line - b.line);
  }
  return { added: res.count, errors };
}
