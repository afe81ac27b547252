"use client";

import type { Ref } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PersonActions } from "@/components/roster/person-actions";
import { useFormat } from "@/lib/i18n/use-format";
import { legCostAt, legSecondsInCall } from "@/lib/shared/cost";
import { legSecondsOnHold } from "@/lib/shared/hold-time";
import { useT, type Translate } from "@/lib/i18n/client";
import type { PersonRow, PersonState, RosterPerson } from "@/lib/shared/roster-types";
import { stateTextKeys } from "@/lib/shared/leg-state-text";

const tone: Record<PersonState, BadgeTone> = {
  invited: "neutral",
  created: "neutral",
  dialling: "info",
  ringing: "info",
  answered: "info",
  waiting: "warning",
  in_call: "success",
  left: "neutral",
};

/** A person's (or a leg's) state as the roster and the announcer name it: "Left (no answer)". */
export function personStateText(t: Translate<"Roster">, p: Pick<PersonRow, "state" | "endReason">): string {
  const k = stateTextKeys(p);
  return "title" in k ? t(k.title) : t("withReason", { state: t(k.state), reason: t(k.reason) });
}

/** The live meeting every part of the roster acts in (the raised-hands queue, the table, each row). */
export type RosterRowContext = { meetingId: string; now: number; meetingOpen: boolean; onChanged: () => void };

/** One person: name and number, state, time in call, cost and their controls. */
export function RosterRow({
  person: p,
  context,
  rowRef,
  index,
}: {
  person: RosterPerson;
  context: RosterRowContext;
  /** Set by the virtualised body, which measures each row's real height. */
  rowRef?: Ref<HTMLTableRowElement>;
  /** Position in the whole roster (1-based aria-rowindex; the header row is 1). */
  index?: number;
}) {
  const t = useT("Roster");
  const ts = useT("SautikitStatus");
  const fmt = useFormat();
  const { now } = context;
  // Someone on no list is "Guest caller" in the reader's language (the data keeps one fixed name).
  const shown = p.participantId ? p.name : ts("guestCaller");
  const seconds = p.legs.reduce((s, l) => s + legSecondsInCall(l, now), 0);
  const cost = p.legs.reduce((s, l) => s + legCostAt(l, now), 0);
  const held = p.legs.reduce((s, l) => s + legSecondsOnHold(l, now), 0);
  return (
    // On a phone each person is a small card (name and cost, state and time, then the controls):
    // as table columns the controls sat off-screen to the right. The explicit roles keep it a table
    // to screen readers whose browser drops table semantics once the display changes.
    <tr
      ref={rowRef}
      role="row"
      className="max-sm:grid max-sm:grid-cols-[1fr_auto] max-sm:gap-x-3 max-sm:gap-y-1 max-sm:py-2"
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      data-testid="roster-row"
      data-person={p.name}
      data-state={p.state}
      data-muted={String(p.muted)}
      data-reason={p.endReason ?? ""}
    >
      <td role="cell" className="px-3 py-2 align-top max-sm:order-1 max-sm:p-0">
        <div className="font-medium text-slate-900">
          {shown}{" "}
          {p.role !== "participant" ? (
            <Badge tone={p.role === "host" ? "brand" : "neutral"}>{t(`role.${p.role}`)}</Badge>
          ) : null}
        </div>
        <div className="text-xs text-slate-500">{p.phoneDisplay}</div>
        {p.legs.length > 1 ? (
          <details className="mt-1 text-xs text-slate-600">
            <summary className="cursor-pointer">{t("legs", { count: p.legs.length })}</summary>
            <ol className="mt-1 list-decimal pl-5">
              {p.legs.map((l) => (
                <li key={l.id}>
                  {personStateText(t, l)} · {fmt.duration(legSecondsInCall(l, now))} · {fmt.kes(legCostAt(l, now))}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </td>
      <td role="cell" className="px-3 py-2 align-top max-sm:order-3 max-sm:p-0">
        <Badge tone={tone[p.state]}>
          <span data-testid="person-state">{personStateText(t, p)}</span>
        </Badge>
        {p.muted && p.state !== "left" && p.state !== "invited" ? (
          <Badge tone="warning" className="ml-1">
            {t("muted")}
          </Badge>
        ) : null}
        {p.handRaisedAt !== null ? (
          <Badge tone="info" className="ml-1">
            {t("handUp")}
          </Badge>
        ) : null}
        {p.onFloor ? (
          <Badge tone="success" className="ml-1">
            {t("speaker")}
          </Badge>
        ) : null}
        {p.dialError ? (
          <div className="mt-1 max-w-xs text-xs text-red-700" data-testid="dial-error">
            {p.dialError.message}
          </div>
        ) : null}
        {held > 0 ? (
          <div className="mt-1 text-xs text-slate-500" data-testid="hold-time">
            {t("onHold", { time: fmt.duration(held) })}
          </div>
        ) : null}
      </td>
      <td role="cell" className="px-3 py-2 text-right align-top tabular-nums max-sm:order-4 max-sm:p-0">
        <span className="text-xs text-slate-500 sm:hidden">{t("inCall")} </span>
        {fmt.duration(seconds)}
      </td>
      <td
        role="cell"
        className="px-3 py-2 text-right align-top tabular-nums max-sm:order-2 max-sm:p-0 max-sm:font-medium"
      >
        {fmt.kes(cost)}
      </td>
      <td role="cell" className="px-3 py-2 align-top max-sm:order-5 max-sm:col-span-2 max-sm:p-0 max-sm:pt-1">
        <PersonActions person={p} context={context} />
      </td>
    </tr>
  );
}
