import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import { PHONE_KEYS } from "@/lib/shared/phone-keys";

/**
 * The key map for the invite text and the .ics, in English then Swahili: the invitees' language
 * is not known, and the phone prompts may be in either (ADR 0020).
 */
export function phoneKeyLines(): string[] {
  return (["en", "sw"] as const).flatMap((locale) => {
    const t = translatorFor(locale, "PhoneKeys");
    const list = (hostOnly: boolean) =>
      PHONE_KEYS.filter((k) => k.hostOnly === hostOnly)
        .map((k) => `${k.keys} ${t(`actions.${k.action}`)}`)
        .join(" · ");
    return [t("inviteHeading"), list(false), `${t("hostHeading")} ${list(true)}`];
  });
}
