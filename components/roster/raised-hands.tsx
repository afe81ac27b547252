"use client";

import { lazy, Suspense } from "react";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { moderationModes, type ModerationMode } from "@/lib/shared/phone-keys";
import { raisedHands } from "@/lib/shared/raised-hands";
import type { RosterRowContext } from "@/components/roster/roster-row";
import type { RosterPerson } from "@/lib/shared/roster-types";

// The queue's rows are fetched once a hand is raised: most meetings never see one.
const RaisedHandsQueue = lazy(() =>
  import("@/components/roster/raised-hands-queue").then((m) => ({ default: m.RaisedHandsQueue })),
);

/**
 * Who may talk (Open / Presentation / Q&A) and the raised-hand queue, first raised first, with the
 * time each has waited. The same actions as the host keypad's *2, *8 and the roster's per-hand
 * buttons (ADR 0020); the queue changes when the roster does.
 */
export function RaisedHands({
  mode,
  people,
  context: { meetingId, now, meetingOpen, onChanged },
}: {
  mode: ModerationMode;
  people: RosterPerson[];
  context: RosterRowContext;
}) {
  const t = useT("Roster");
  const { busy, run } = useApiAction();
  const queue = raisedHands(people);
  const act = (key: string, call: () => Promise<unknown>, done: string) =>
    void run(key, call, { done: () => done, then: onChanged, failed: t("failed") });

  return (
    <section className="space-y-3" aria-labelledby="raised-hands-heading">
      <fieldset
        className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm"
        disabled={!meetingOpen || busy !== null}
      >
        <legend className="mb-1 font-medium text-slate-700">{t("whoMayTalk")}</legend>
        {moderationModes.map((m) => (
          <label key={m} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name={`moderation-${meetingId}`}
              value={m}
              checked={mode === m}
              onChange={() =>
                act("mode", () => api.meetings.setModeration(meetingId, m), t("modeChanged", { mode: m }))
              }
            />
            {t(`modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-slate-500">{t(`modeHints.${mode}`)}</p>
      <h3 id="raised-hands-heading" className="text-sm font-medium text-slate-700">
        {t("raisedHands", { count: queue.length })}
      </h3>
      {queue.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noHands")}</p>
      ) : (
        <Suspense fallback={null}>
          <RaisedHandsQueue meetingId={meetingId} queue={queue} now={now} busy={busy} act={act} />
        </Suspense>
      )}
    </section>
  );
}
