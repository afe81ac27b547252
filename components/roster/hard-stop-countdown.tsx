"use client";

import { useState } from "react";
import { HardStopBanner } from "@/components/roster/hard-stop-banner";
import { useT } from "@/lib/i18n/client";
import { COUNTDOWN_MS } from "@/lib/shared/meeting-limits";

// The banner is part of the page's first load, not fetched on demand: it must appear on time,
// even when the network is poor at the moment the last minutes begin.

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
  const left = hardStopAt === null ? Infinity : Math.max(0, hardStopAt - now);
  const inWindow = left <= COUNTDOWN_MS;
  // Fixed when the countdown first shows for this stop, so the live region speaks once (an
  // extension moves the stop, and a later countdown is announced again).
  const [announced, setAnnounced] = useState<{ stop: number; minutes: number } | null>(null);
  if (inWindow && hardStopAt !== null && announced?.stop !== hardStopAt)
    setAnnounced({ stop: hardStopAt, minutes: Math.max(1, Math.ceil(left / 60_000)) });

  if (hardStopAt === null) return null;

  return (
    <>
      <p aria-live="assertive" aria-atomic="true" className="sr-only" data-testid="hard-stop-announcer">
        {inWindow && announced?.stop === hardStopAt
          ? `${t("endsSoon", { minutes: announced.minutes })} ${canExtend ? t("canExtendHint") : t("atMaximum")}`
          : ""}
      </p>
      {inWindow ? (
        <HardStopBanner meetingId={meetingId} left={left} canExtend={canExtend} onExtended={onExtended} />
      ) : null}
    </>
  );
}
