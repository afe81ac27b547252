"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useIntlLocale, useT } from "@/lib/i18n/client";
import { formatDuration } from "@/lib/shared/format";
import { COUNTDOWN_MS, EXTEND_STEP_MINUTES } from "@/lib/shared/meeting-limits";

/**
 * The last minutes before the meeting's hard stop (ADR 0021): a live countdown, said once to
 * screen-reader users as it appears, and "Extend" while the workspace maximum allows it.
 */
export function HardStopCountdown({
  meetingId,
  hardStopAt,
  canExtend,
  now,
  onExtended,
}: {
  meetingId: string;
  hardStopAt: number | null;
  canExtend: boolean;
  /** The current time on the server's clock. */
  now: number;
  onExtended: () => void;
}) {
  const t = useT("Roster");
  const locale = useIntlLocale();
  const { busy, run } = useApiAction();
  const left = hardStopAt === null ? Infinity : Math.max(0, hardStopAt - now);
  const inWindow = left <= COUNTDOWN_MS;
  // Fixed when the countdown first shows for this stop, so the live region speaks once (an
  // extension moves the stop, and a later countdown is announced again).
  const [announced, setAnnounced] = useState<{ stop: number; minutes: number } | null>(null);
  if (inWindow && hardStopAt !== null && announced?.stop !== hardStopAt)
    setAnnounced({ stop: hardStopAt, minutes: Math.max(1, Math.ceil(left / 60_000)) });

  if (hardStopAt === null) return null;

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
    <>
      <p aria-live="assertive" aria-atomic="true" className="sr-only" data-testid="hard-stop-announcer">
        {inWindow && announced?.stop === hardStopAt
          ? `${t("endsSoon", { minutes: announced.minutes })} ${canExtend ? t("canExtendHint") : t("atMaximum")}`
          : ""}
      </p>
      {inWindow ? (
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
      ) : null}
    </>
  );
}
