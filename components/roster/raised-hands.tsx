"use client";

import { Button, type ButtonVariant } from "@/components/ui/button";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { formatDuration } from "@/lib/shared/format";
import { moderationModes, type ModerationMode } from "@/lib/shared/phone-keys";
import { raisedHands } from "@/lib/shared/raised-hands";
import type { RosterPerson } from "@/lib/shared/roster-types";

/**
 * Who may talk (Open / Presentation / Q&A) and the raised-hand queue, first raised first, with the
 * time each has waited. The same actions as the host keypad's *2, *8 and the roster's per-hand
 * buttons (ADR 0020); the queue changes when the roster does.
 */
export function RaisedHands({
  meetingId,
  mode,
  people,
  now,
  live,
  onChanged,
}: {
  meetingId: string;
  mode: ModerationMode;
  people: RosterPerson[];
  now: number;
  live: boolean;
  onChanged: () => void;
}) {
  const t = useT("Roster");
  const { busy, run } = useApiAction();
  const queue = raisedHands(people);
  const act = (key: string, call: () => Promise<unknown>, done: string) =>
    void run(key, call, { done: () => done, then: onChanged, failed: t("failed") });
  /** A button on a raised hand: `said` (what a screen reader hears) starts with the words on it. */
  const handButton = (
    key: string,
    leg: string,
    command: "let-speak" | "lower-hand",
    b: { label: string; said: string; done: string; variant?: ButtonVariant },
  ) => (
    <Button
      size="sm"
      variant={b.variant}
      pending={busy === key}
      aria-label={b.said}
      onClick={() => act(key, () => api.meetings.legCommand(meetingId, leg, command), b.done)}
    >
      {b.label}
    </Button>
  );

  return (
    <section className="space-y-3" aria-labelledby="raised-hands-heading">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" disabled={!live || busy !== null}>
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
        <ol className="space-y-2" data-testid="raised-hands">
          {queue.map((p, i) => {
            const leg = p.currentLegId!;
            return (
              <li key={p.key} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="w-5 tabular-nums text-slate-500">{i + 1}.</span>
                <span className="font-medium">{p.name}</span>
                <span className="tabular-nums text-slate-500">
                  {t("waitingFor", { time: formatDuration(Math.max(0, Math.floor((now - p.handRaisedAt!) / 1000))) })}
                </span>
                <span className="ml-auto flex gap-2">
                  {handButton(`speak:${p.key}`, leg, "let-speak", {
                    label: t("letSpeak"),
                    said: t("letSpeakPerson", { name: p.name }),
                    done: t("letSpeakDone", { name: p.name }),
                  })}
                  {handButton(`lower:${p.key}`, leg, "lower-hand", {
                    label: t("lowerHand"),
                    said: t("lowerHandPerson", { name: p.name }),
                    done: t("lowerHandDone", { name: p.name }),
                    variant: "secondary",
                  })}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
