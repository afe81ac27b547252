import { magicBehaviour } from "../../lib/sautikit/contract/constants";
import type { Behaviour } from "../state/types";

/**
 * A number's behaviour from the magic-number table (emulator/README.md), for a phone with no explicit
 * override. No Node imports: the phones console bundles it for the phones it shows before the engine
 * has seen them.
 */
export function magicNumberBehaviour(e164: string): Behaviour {
  const magic = magicBehaviour(e164);
  switch (magic.kind) {
    case "hangup_after":
      return { hangup_after_seconds: magic.seconds };
    case "drop_after":
      return { drop_after_seconds: magic.seconds };
    default:
      return magic.kind;
  }
}
