import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { storedErrorMessage, storedErrorText } from "@/lib/i18n/stored-error";
import type { DialError, RosterSnapshot } from "@/lib/shared/roster-types";

// A refused dial is stored on its leg as a code, the English text and the message's key with its
// values (lib/i18n/stored-error.ts). The roster is built once for every watcher, so it keeps the
// key; each reader's copy says it in their language just before it leaves the server.

type StoredDialError = {
  dialErrorCode: string | null;
  dialError: string | null;
  dialErrorKey: string | null;
  dialErrorParams: unknown;
};

/** The leg's dial error as the roster carries it (still keyed when the key was kept), or null. */
export function dialErrorOf(leg: StoredDialError): DialError | null {
  if (!leg.dialErrorCode) return null;
  const message = storedErrorMessage(leg.dialErrorKey, leg.dialErrorParams);
  return { code: leg.dialErrorCode, message: leg.dialError ?? "", ...message };
}

function say(error: DialError | null | undefined, locale: Locale): DialError | null | undefined {
  if (!error?.key) return error;
  return {
    code: error.code,
    message: storedErrorText(locale, { key: error.key, params: error.params }, error.message),
  };
}

/** The snapshot for one reader: every dial error in `locale`, keys and values taken out. */
export function sayDialErrors(snapshot: RosterSnapshot, locale: Locale): RosterSnapshot {
  if (!snapshot.people.some((p) => p.dialError?.key || p.legs.some((l) => l.dialError?.key))) return snapshot;
  return {
    ...snapshot,
    people: snapshot.people.map((p) => ({
      ...p,
      dialError: say(p.dialError, locale) ?? null,
      legs: p.legs.map((l) => (l.dialError?.key ? { ...l, dialError: say(l.dialError, locale) } : l)),
    })),
  };
}
