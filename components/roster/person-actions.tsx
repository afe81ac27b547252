"use client";

import { useEffect, useRef, type FocusEvent } from "react";
import { SaveGuestForm } from "@/components/roster/save-guest-form";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import type { RosterRowContext } from "@/components/roster/roster-row";
import type { RosterPerson } from "@/lib/shared/roster-types";

// Spelled out here (not imported from the schemas) so the meeting page does not ship zod for a list.
const ROLES = ["participant", "host", "listener"] as const satisfies readonly ParticipantRole[];

/** The live controls for one person. Each button is disabled while its request is in flight. */
export function PersonActions({
  person,
  context: { meetingId, meetingOpen, onChanged },
}: {
  person: RosterPerson;
  context: RosterRowContext;
}) {
  const t = useT("Roster");
  const ts = useT("SautikitStatus");
  const { busy, run } = useApiAction();
  const focusKeeper = useKeepFocusWithin();
  const pid = person.participantId;
  const act = <R,>(name: string, call: () => Promise<R>, done: (r: R) => string, failed = t("failed")) =>
    void run(name, call, { done, failed, then: onChanged });
  /**
   * One of the row's buttons: `name` is its request (it shows pending while that one is in flight),
   * `label` the words on it and `said` the name a screen reader or voice control hears, which
   * starts with those words. A button that swaps for another keeps focus by sharing its `key`.
   */
  const button = <R,>(b: {
    name: string;
    key?: string;
    label: string;
    said: string;
    variant?: ButtonVariant;
    pressed?: boolean;
    call: () => Promise<R>;
    done: (r: R) => string;
    failed?: string;
  }) => (
    <Button
      key={b.key ?? b.name}
      size="sm"
      variant={b.variant}
      aria-pressed={b.pressed}
      pending={busy === b.name}
      aria-label={b.said}
      onClick={() => act(b.name, b.call, b.done, b.failed)}
    >
      {b.label}
    </Button>
  );

  const changeRole = (role: ParticipantRole) =>
    act(
      "role",
      () => api.participants.setRole(meetingId, pid!, role),
      () => t("roleChanged", { name: person.name, role: t(`role.${role}`) }),
    );

  const leg = person.currentLegId;
  const inRoom = person.state === "in_call" || person.state === "waiting";
  const active = person.state !== "invited" && person.state !== "left";
  const who = person.name;
  const buttons = [];

  if (meetingOpen && pid && (person.state === "invited" || person.state === "left")) {
    const first = person.state === "invited";
    buttons.push(
      button({
        name: "dial",
        // After a refused dial (wallet empty, number not owned…) the same button is the row's Retry.
        label: first ? t("call") : person.dialError ? ts("retry") : t("redial"),
        said: first
          ? t("callPerson", { name: who })
          : person.dialError
            ? t("retryPerson", { name: who })
            : t("redialPerson", { name: who }),
        call: () => api.participants.dial(meetingId, pid),
        done: (r) => (r.heldBack ? ts("personQueued", { name: who }) : t("calling", { name: who })),
      }),
    );
  }
  if (meetingOpen && pid && person.state === "invited" && person.remindsByCall !== undefined) {
    const on = person.remindsByCall;
    buttons.push(
      button({
        name: "reminder",
        variant: "ghost",
        pressed: on,
        label: t("reminderToggle", { on: String(on) }),
        said: t("reminderFor", { name: who, on: String(on) }),
        call: () => api.participants.setReminder(meetingId, pid, !on),
        done: () => t("reminderSet", { name: who, on: String(!on) }),
      }),
    );
  }
  if (inRoom && leg) {
    // One toggle (one key), so focus stays on it as Mute becomes Unmute.
    buttons.push(
      person.muted
        ? button({
            name: "unmute",
            key: "mute-toggle",
            variant: "secondary",
            label: t("unmute"),
            said: t("unmutePerson", { name: who }),
            call: () => api.meetings.legCommand(meetingId, leg, "unmute"),
            done: () => t("unmuting", { name: who }),
          })
        : button({
            name: "mute",
            key: "mute-toggle",
            variant: "secondary",
            label: t("mute"),
            said: t("mutePerson", { name: who }),
            call: () => api.meetings.legCommand(meetingId, leg, "mute"),
            done: () => t("muting", { name: who }),
          }),
    );
  }
  if (meetingOpen && pid && person.role === "participant" && person.state !== "invited") {
    buttons.push(
      button({
        name: "listen",
        variant: "ghost",
        label: t("listenOnly"),
        said: t("listenOnlyPerson", { name: who }),
        call: () => api.participants.listenOnly(meetingId, pid),
        done: () => t("listenOnlyDone", { name: who }),
      }),
    );
  }
  if (active && leg) {
    buttons.push(
      button({
        name: "kick",
        variant: "danger",
        label: t("kick"),
        said: t("kickPerson", { name: who }),
        call: () => api.meetings.legCommand(meetingId, leg, "kick"),
        done: () => t("kicking", { name: who }),
      }),
    );
  }
  if (meetingOpen && pid && person.state === "invited") {
    buttons.push(
      button({
        name: "remove",
        variant: "ghost",
        label: t("remove"),
        said: t("removePerson", { name: who }),
        call: () => api.participants.remove(meetingId, pid),
        done: () => t("removed", { name: who }),
        failed: t("removeFailed"),
      }),
    );
  }
  // Between calls a listed person's role can change (it applies from their next call).
  if (meetingOpen && person.participantId && (person.state === "invited" || person.state === "left")) {
    buttons.push(
      <select
        key="role"
        aria-label={t("roleOf", { name: who })}
        value={person.role}
        disabled={busy === "role"}
        onChange={(e) => changeRole(e.target.value as ParticipantRole)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>,
    );
  }
  // A dial-in guest (no participant row): the organiser can name them and save them as a participant.
  const guestLeg = person.participantId ? undefined : person.legs.find((l) => l.direction === "inbound");
  if (guestLeg) {
    buttons.push(
      <SaveGuestForm
        key="save-guest"
        meetingId={meetingId}
        legId={guestLeg.id}
        phoneDisplay={person.phoneDisplay}
        onSaved={onChanged}
      />,
    );
  }
  return (
    <div className="flex flex-wrap justify-end gap-2" tabIndex={-1} {...focusKeeper}>
      {buttons}
    </div>
  );
}

/**
 * Keeps keyboard focus in a group whose buttons come and go with the call (Call → Kick once it
 * rings, Kick → Re-dial once they leave): when the focused button is removed, focus would fall to
 * <body> and the keyboard user would start again from the top of the page. After each render, if
 * focus was inside and has fallen out, it moves to the group's first button (or the group itself).
 */
function useKeepFocusWithin() {
  const ref = useRef<HTMLDivElement>(null);
  const inside = useRef(false);
  useEffect(() => {
    const group = ref.current;
    if (!group || !inside.current) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    (group.querySelector<HTMLElement>("button:not([disabled])") ?? group).focus();
  });
  return {
    ref,
    onFocus: () => {
      inside.current = true;
    },
    onBlur: (e: FocusEvent<HTMLDivElement>) => {
      const to = e.relatedTarget;
      if (to) {
        inside.current = ref.current?.contains(to) ?? false;
        return;
      }
      // No new target: either the user clicked somewhere inert (let go) or the focused button was
      // removed from the page (keep, so the next render puts focus back).
      const from = e.target;
      requestAnimationFrame(() => {
        if (from.isConnected && document.activeElement === document.body) inside.current = false;
      });
    },
  };
}
