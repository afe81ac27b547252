"use client";

import { lazy, Suspense, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { COUNTDOWN_MS } from "@/lib/shared/meeting-limits";

// The visible countdown and its Extend button are fetched when the last minutes begin; the
// announcer below is on the page from the start, so its words are read out when they appear.
const HardStopBanner = lazy(() =>
  import("@/components/roster/hard-stop-banner").then((m) => ({ default: m.HardStopBanner })),
);

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
        <Suspense fallback={null}>
          <HardStopBanner meetingId={meetingId} left={left} canExtend={canExtend} onExtended={onExtended} />
        </Suspense>
      ) : null}
    </>
  );
}
