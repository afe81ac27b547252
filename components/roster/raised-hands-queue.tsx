"use client";

import { Button } from "@/components/ui/button";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { formatDuration } from "@/lib/shared/format";
import type { RosterPerson } from "@/lib/shared/roster-types";

/** The raised hands, first raised first, each with "Let speak" and "Lower hand" (see RaisedHands). */
export function RaisedHandsQueue({
  meetingId,
  queue,
  now,
  busy,
  act,
}: {
  meetingId: string;
  queue: RosterPerson[];
  now: number;
  busy: string | null;
  act: (key: string, call: () => Promise<unknown>, done: string) => void;
}) {
  const t = useT("Roster");
  return (
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
              <Button
                size="sm"
                pending={busy === `speak:${p.key}`}
                aria-label={t("letSpeakPerson", { name: p.name })}
                onClick={() =>
                  act(
                    `speak:${p.key}`,
                    () => api.meetings.legCommand(meetingId, leg, "let-speak"),
                    t("letSpeakDone", { name: p.name }),
                  )
                }
              >
                {t("letSpeak")}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                pending={busy === `lower:${p.key}`}
                aria-label={t("lowerHandPerson", { name: p.name })}
                onClick={() =>
                  act(
                    `lower:${p.key}`,
                    () => api.meetings.legCommand(meetingId, leg, "lower-hand"),
                    t("lowerHandDone", { name: p.name }),
                  )
                }
              >
                {t("lowerHand")}
              </Button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
