import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { stateTextKeys } from "@/lib/shared/leg-state-text";
import type { StatementCsvLabels } from "@/lib/spend/statement-csv";

/**
 * The statement CSV's headers and each call's description in `locale`, naming states exactly as
 * the roster does (its own catalog: "Declined", "Dropped — calling back", "Left (no answer)").
 */
export function statementCsvLabels(locale: Locale): StatementCsvLabels {
  const t = translatorFor(locale, "StatementCsv");
  const r = translatorFor(locale, "Roster");
  const state = (c: Parameters<StatementCsvLabels["call"]>[0]) => {
    const k = stateTextKeys(c);
    return "title" in k ? r(k.title) : r("withReason", { state: r(k.state), reason: r(k.reason) });
  };
  return {
    header: [
      t("name"),
      t("phone"),
      t("role"),
      t("joined"),
      t("left"),
      t("secondsConnected"),
      t("secondsWaiting"),
      t("legs"),
      t("billedSeconds"),
      t("cost"),
      t("calls"),
    ],
    total: t("total"),
    role: (role) => t("roleName", { role: role.replace("-", "_") }),
    call: (c) => t("call", { purpose: c.purpose, state: state(c), cost: (c.costMinor / 100).toFixed(2) }),
  };
}
