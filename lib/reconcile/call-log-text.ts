import type { Translator } from "@/lib/i18n/translator";
import type { Format } from "@/lib/shared/format";
import type { CallLogIssue } from "@/lib/reconcile/compare-leg";

// The call log's words for a call status and for each difference from Sautikit's record, in the
// reader's language (the page passes its translator and formatter; the rows carry data only).

/** A Sautikit call status ("completed", "no_answer", …) as words; "—" when there is none. */
export function callStatusText(t: Translator<"CallLog">, status: string | null | undefined): string {
  return status ? t("callStatus", { status }) : "—";
}

export function callLogIssueText(t: Translator<"CallLog">, fmt: Format, issue: CallLogIssue): string {
  const status = (s: string) => callStatusText(t, s);
  const seconds = (n: number) => t("seconds", { count: n });
  switch (issue.kind) {
    case "no_record":
      return t("issueNoRecord");
    case "unbilled":
      return t("issueUnbilled");
    case "still_live":
      return t("issueStillLive", { app: status(issue.app), sautikit: status(issue.sautikit) });
    case "status":
      return t("issueStatus", { app: status(issue.app), sautikit: status(issue.sautikit) });
    case "seconds":
      return t("issueSeconds", { app: seconds(issue.app), sautikit: seconds(issue.sautikit) });
    case "cost":
      return t("issueCost", { app: fmt.kes(issue.app), sautikit: fmt.kes(issue.sautikit) });
  }
}
