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
  // "Let speak" and "Lower hand": the same request button, told apart by command and wording.
  const command = (
    p: RosterPerson,
    leg: string,
    cmd: "let-speak" | "lower-hand",
    busyKey: "speak" | "lower",
    variant: "primary" | "secondary",
  ) => {
    const [label, person, done] =
      cmd === "let-speak"
        ? (["letSpeak", "letSpeakPerson", "letSpeakDone"] as const)
        : (["lowerHand", "lowerHandPerson", "lowerHandDone"] as const);
    const key = `${busyKey}:${p.key}`;
    return (
      <Button
        size="sm"
        variant={variant}
        pending={busy === key}
        aria-label={t(person, { name: p.name })}
        onClick={() => act(key, () => api.meetings.legCommand(meetingId, leg, cmd), t(done, { name: p.name }))}
      >
        {t(label)}
      </Button>
    );
  };
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
              {command(p, leg, "let-speak", "speak", "primary")}
              {command(p, leg, "lower-hand", "lower", "secondary")}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
