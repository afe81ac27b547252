"use client";

import { Button } from "@/components/ui/button";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useIntlLocale, useT } from "@/lib/i18n/client";
import { formatDuration } from "@/lib/shared/format";
import { EXTEND_STEP_MINUTES } from "@/lib/shared/meeting-limits";

/** The last minutes before the hard stop, counting down, with "Extend" while allowed. */
export function HardStopBanner({
  meetingId,
  left,
  canExtend,
  onExtended,
}: {
  meetingId: string;
  /** Milliseconds to the stop. */
  left: number;
  canExtend: boolean;
  onExtended: () => void;
}) {
  const t = useT("Roster");
  const locale = useIntlLocale();
  const { busy, run } = useApiAction();
  const extend = () =>
    run("extend", () => api.meetings.extend(meetingId), {
      done: (r) =>
        t("extended", {
          time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(r.stopAt),
        }),
      then: onExtended,
      failed: t("failed"),
    });

  return (
    <div
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="hard-stop-countdown"
    >
      <p>
        <span role="timer" aria-live="off" className="font-semibold tabular-nums">
          {t("endsIn", { time: formatDuration(Math.ceil(left / 1000)) })}
        </span>{" "}
        <span>{canExtend ? t("canExtendHint") : t("atMaximum")}</span>
      </p>
      {canExtend ? (
        <Button
          variant="secondary"
          size="sm"
          pending={busy === "extend"}
          aria-label={t("extendLabel", { minutes: EXTEND_STEP_MINUTES })}
          onClick={() => void extend()}
        >
          {t("extend", { minutes: EXTEND_STEP_MINUTES })}
        </Button>
      ) : null}
    </div>
  );
}
