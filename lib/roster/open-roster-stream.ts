import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { activeSessionsInWorkspace } from "@/lib/auth/user-sessions";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { buildRoster, type RosterSnapshot } from "@/lib/roster/get-meeting-roster";
import { onRosterChanged } from "@/lib/roster/roster-bus";
import { createRosterStreams } from "@/lib/roster/roster-stream";
import { phoneAudienceFor, phoneAudienceKeys } from "@/lib/privacy/phone-visibility";
import { audienceFromKey, audienceKey, redactPhones } from "@/lib/privacy/redact-phones";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { sayDialErrors } from "@/lib/roster/say-dial-errors";

// One set of roster streams per process (kept on globalThis so Next's module reloading in dev
// does not split it), wired to the database, the roster bus and the session store.
type Streams = ReturnType<typeof createRosterStreams<RosterSnapshot>>;
const store = globalThis as typeof globalThis & { __mkutanoRosterStreams?: Streams };

// A stream's audience: its reader's language (fixed when it opens) and what they may see of phone
// numbers (re-read with every re-authorization), e.g. "sw|masked:+254709000100".
const audienceOf = (locale: Locale, phones: string) => `${locale}|${phones}`;

function parseAudience(audience: string): { locale: Locale; phones: string } {
  const bar = audience.indexOf("|");
  const locale = audience.slice(0, Math.max(bar, 0));
  return { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, phones: audience.slice(bar + 1) };
}

function streams(): Streams {
  return (store.__mkutanoRosterStreams ??= createRosterStreams<RosterSnapshot>({
    read: buildRoster,
    onChange: onRosterChanged,
    // All streams of one meeting share its workspace (the route checked it when each opened). The
    // same check re-reads what each viewer may see of phone numbers (ADR 0022).
    authorize: async (_meetingId, principals) => {
      const workspaceId = principals[0]!.workspaceId;
      const [allowed, audiences] = await Promise.all([
        activeSessionsInWorkspace(principals, workspaceId),
        phoneAudienceKeys(
          workspaceId,
          principals.map((p) => p.userId),
        ),
      ]);
      return new Map(
        principals
          .filter((p) => allowed.has(p.sessionId) && audiences.has(p.userId))
          .map((p) => [p.sessionId, audienceOf(parseAudience(p.audience ?? "").locale, audiences.get(p.userId)!)]),
      );
    },
    present: (snapshot, audience) => {
      const { locale, phones } = parseAudience(audience);
      return redactPhones(sayDialErrors(snapshot, locale), audienceFromKey(phones));
    },
    warn: (context, message) => log.warn(context, message),
  }));
}

/** The live stream of a meeting the actor may see (the caller has checked the meeting), in their language. */
export async function openRosterStream(
  actor: Actor,
  meetingId: string,
  locale: Locale,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  if (!actor.sessionId) throw new AppError("UNAUTHENTICATED", "signIn");
  const audience = audienceOf(locale, audienceKey(await phoneAudienceFor(actor)));
  return streams().open(
    meetingId,
    { userId: actor.userId, sessionId: actor.sessionId, workspaceId: actor.workspaceId, audience },
    signal,
  );
}
