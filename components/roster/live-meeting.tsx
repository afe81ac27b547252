"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useApiAction } from "@/components/ui/use-api-action";
import { HardStopCountdown } from "@/components/roster/hard-stop-countdown";
import { RaisedHands } from "@/components/roster/raised-hands";
import { RosterAnnouncer } from "@/components/roster/roster-announcer";
import type { RosterRowContext } from "@/components/roster/roster-row";
import { RosterTable } from "@/components/roster/roster-table";
import { api } from "@/lib/hooks/api-client";
import { useMeetingRoster, type RosterSnapshot } from "@/lib/hooks/use-meeting-roster";
import { syncServerClock, useSharedNow } from "@/lib/hooks/use-shared-now";
import { useT } from "@/lib/i18n/client";
import { focusMeetingStatus, MEETING_STATUS_ID } from "@/components/meetings/meeting-status-focus";
import { useFormat } from "@/lib/i18n/use-format";
import { legCostAt } from "@/lib/shared/cost";
import { CALLING_LEG_STATES, meetingBadgeStatus, meetingBadgeTone } from "@/lib/shared/meeting-badge";

const callingStates = new Set<string>(CALLING_LEG_STATES);

// The add-people forms sit below the roster: their code is a chunk of its own, fetched after the
// page's first-load scripts (ADR 0009, P5). On a full page load the server-rendered forms stay on
// screen and hydrate when it arrives; the fallback shows only after a client-side navigation.
const AddParticipants = lazy(() =>
  import("@/components/meetings/add-participants").then((m) => ({ default: m.AddParticipants })),
);

/** The meeting's live side: controls, the roster (pushed over SSE) and adding people. */
export function LiveMeeting({ meetingId, initial }: { meetingId: string; initial: RosterSnapshot }) {
  const router = useRouter();
  const t = useT("Roster");
  const tm = useT("Meetings");
  const ts = useT("SautikitStatus");
  const ta = useT("AddPeople");
  const fmt = useFormat();
  const { data: roster, mutate, streaming } = useMeetingRoster(meetingId, initial);
  const status = roster.meeting.status;
  const open = status === "scheduled" || status === "live";
  const anyLive = roster.people.some((p) => p.state !== "invited" && p.state !== "left");
  // The server's clock measures the calls; the page's one shared clock runs on it, so the cost
  // panel below meters the same legs at the same instant (lib/shared/meeting-cost).
  useState(() => typeof window !== "undefined" && syncServerClock(initial.serverNow));
  const serverNow = useSharedNow(anyLive || status === "live", initial.serverNow);
  const { busy, run } = useApiAction();

  const legs = roster.people.flatMap((p) => p.legs);
  const totalCost = legs.reduce((s, l) => s + legCostAt(l, serverNow), 0);
  const startedAt = roster.meeting.startedAt;
  const duration = startedAt ? Math.floor(((roster.meeting.endedAt ?? serverNow) - startedAt) / 1000) : 0;
  const queued = roster.people.filter((p) => p.state === "created").length;
  const calling = roster.people.filter(
    (p) => p.state === "created" || p.state === "dialling" || p.state === "ringing",
  ).length;
  const dialled = roster.people.filter((p) => p.state !== "invited" && p.state !== "created").length;
  const badge = meetingBadgeStatus(status, roster.people.filter((p) => callingStates.has(p.state)).length);
  const refresh = () => void mutate();
  // What the roster's parts act in: the queue, the table and each row's buttons.
  const context: RosterRowContext = { meetingId, now: serverNow, meetingOpen: open, onChanged: refresh };
  // The details card is server-rendered: refresh it when the meeting goes live or ends.
  const lastStatus = useRef(status);
  useEffect(() => {
    if (lastStatus.current !== status) {
      lastStatus.current = status;
      router.refresh();
    }
  }, [status, router]);

  const roomAction = async <R,>(name: string, call: () => Promise<R>, done: (r: R) => string) => {
    await run(name, call, {
      done,
      failed: t("failed"),
      then: async () => {
        await mutate();
        router.refresh();
      },
    });
  };

  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={meetingBadgeTone[badge]}>
              {/* Focus lands here when the control that had it goes away (meeting ended or cancelled). */}
              <span data-testid="meeting-status" id={MEETING_STATUS_ID} tabIndex={-1}>
                {tm(`status.${badge}`)}
              </span>
            </Badge>
            {roster.meeting.locked ? <Badge tone="warning">{t("locked")}</Badge> : null}
            {roster.meeting.record && open ? (
              <span title={t("recordingHint")} data-testid="recording-indicator">
                <Badge tone="danger">
                  <span aria-hidden="true">●&nbsp;</span>
                  {t("recording")}
                  <span className="sr-only">: {t("recordingHint")}</span>
                </Badge>
              </span>
            ) : null}
            <span className="text-slate-500" data-testid="roster-feed" data-streaming={String(streaming)}>
              {streaming ? t("streaming") : t("polling")}
            </span>
          </span>
        }
        actions={
          open ? (
            <div className="flex flex-wrap gap-2">
              <Button
                pending={busy === "all"}
                disabled={roster.people.length === 0}
                onClick={() =>
                  roomAction(
                    "all",
                    () => api.meetings.callEveryone(meetingId),
                    ({ queued, heldBack }) => {
                      if (queued === 0) return ts("nobodyToCall");
                      return heldBack ? ts("queuedHeld", { count: queued }) : t("callingCount", { count: queued });
                    },
                  )
                }
              >
                {t("callEveryone")}
              </Button>
              <Button
                variant="secondary"
                pending={busy === "lock"}
                onClick={() =>
                  roomAction(
                    "lock",
                    () => api.meetings.setLocked(meetingId, !roster.meeting.locked),
                    () => (roster.meeting.locked ? t("roomUnlocked") : t("roomLocked")),
                  )
                }
              >
                {roster.meeting.locked ? t("unlockRoom") : t("lockRoom")}
              </Button>
              <ConfirmDialog
                trigger={t("endMeeting")}
                title={t("endTitle")}
                description={t("endDescription")}
                confirmLabel={t("endMeeting")}
                cancelLabel={t("keepMeeting")}
                focusAfterConfirm={focusMeetingStatus}
                onConfirm={() =>
                  roomAction(
                    "end",
                    () => api.meetings.end(meetingId),
                    (r) => t("ended", { count: r.hungUp }),
                  )
                }
              />
            </div>
          ) : null
        }
      />
      <CardBody className="space-y-6">
        {roster.sautikitDownSince !== null && open ? (
          <Notice tone="warning" testId="sautikit-outage">
            {ts("outageBanner")}
          </Notice>
        ) : null}
        {status === "live" ? (
          <HardStopCountdown
            meetingId={meetingId}
            hardStopAt={roster.meeting.hardStopAt}
            canExtend={roster.meeting.canExtend}
            now={serverNow}
            onExtended={refresh}
          />
        ) : null}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" aria-label={t("totals")}>
          <div>
            <dt className="text-xs text-slate-500">{t("duration")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="meeting-duration">
              {fmt.duration(duration)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{open ? t("costSoFar") : t("totalCost")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="meeting-cost">
              {fmt.kes(totalCost)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("inTheRoom")}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {roster.people.filter((p) => p.state === "in_call" || p.state === "waiting").length} /{" "}
              {roster.meeting.capacity}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("calls")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="dial-progress">
              {calling > 0
                ? t("callingProgress", { placed: dialled, total: dialled + queued })
                : t("placed", { count: legs.length })}
            </dd>
          </div>
        </dl>
        {calling > 0 ? (
          <progress
            className="h-2 w-full accent-brand-600"
            max={dialled + queued}
            value={dialled}
            aria-label={t("callsPlaced")}
          />
        ) : null}
        <RosterAnnouncer people={roster.people} />
        {open ? <RaisedHands mode={roster.meeting.moderation} people={roster.people} context={context} /> : null}
        {roster.people.length ? (
          <RosterTable people={roster.people} context={context} />
        ) : (
          <p className="text-sm text-slate-600">{t("nobodyYet")}</p>
        )}
        {open ? (
          <Suspense fallback={<Spinner label={ta("loading")} />}>
            <AddParticipants meetingId={meetingId} onAdded={refresh} />
          </Suspense>
        ) : null}
      </CardBody>
    </Card>
  );
}
