import type { MessageKeys, NamespaceKeys, NestedKeyOf, NestedValueOf } from "use-intl/core";
import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import type { Locale } from "@/lib/i18n/locales";

// Both catalogs, for server code. English is the reference shape: the Swahili catalog must have
// exactly the same keys (tests/unit/i18n/catalogs.test.ts), so typing it as English is honest.
export type Messages = typeof en;
export const CATALOGS: Record<Locale, Messages> = { en, sw: sw as Messages };

/** "Nav", "Meetings.list", …: anything a translator can be scoped to. */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
/** The keys under one namespace. */
export type KeyIn<N extends Namespace> = MessageKeys<
  NestedValueOf<Messages, N>,
  NestedKeyOf<NestedValueOf<Messages, N>>
>;
