import type { PromptCatalogue } from "@/lib/meetings/prompts/types";
import { PHONE_KEYS, spokenKeys } from "@/lib/shared/phone-keys";

/**
 * The phone keys read aloud from the one key map: everyone's keys, then the host's (for a host).
 * One sentence per group, so a feature-phone caller hears short Says.
 */
export function spokenKeyList(p: PromptCatalogue, opts: { everyone: boolean; host: boolean }): string[] {
  const group = (hostOnly: boolean, intro: string) =>
    `${intro} ${PHONE_KEYS.filter((k) => k.hostOnly === hostOnly)
      .map((k) => `${spokenKeys(k.keys, p.keyWords)} ${p.keyActions[k.action]}`)
      .join(", ")}.`;
  return [
    ...(opts.everyone ? [group(false, p.keyListIntro)] : []),
    ...(opts.host ? [group(true, p.hostKeyListIntro)] : []),
  ];
}
