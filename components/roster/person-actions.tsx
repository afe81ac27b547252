"use client";

import { SaveGuestForm } from "@/components/roster/save-guest-form";
import { Button } from "@/components/ui/button";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import type { RosterPerson } from "@/lib/shared/roster-types";

/** The live controls for one person. Each button is disabled while its request is in flight. */
export function PersonActions({
  meetingId,
  person,
  meetingOpen,
  onChanged,
}: {
  meetingId: string;
  person: RosterPerson;
  meetingOpen: boolean;
  onChanged: () => void;
}) {
  const t = useT("Roster");
  const ts = useT("SautikitStatus");
  const { busy, run } = useApiAction();
  const pid = person.participantId;
  const act = <R,>(name: string, call: () => Promise<R>, done: (r: R) => string, failed = t("failed")) =>
    void run(name, call, { done, failed, then: onChanged });

  const leg = person.currentLegId;
  const inRoom = person.state === "in_call" || person.state === "waiting";
  const active = person.state !== "invited" && person.state !== "left";
  const who = person.name;
  const buttons = [];

  if (meetingOpen && pid && (person.state === "invited" || person.state === "left")) {
    const first = person.state === "invited";
    buttons.push(
      <Button
        key="dial"
        size="sm"
        pending={busy === "dial"}
        aria-label={first ? t("callPerson", { name: who }) : t("redialPerson", { name: who })}
        onClick={() =>
          act(
            "dial",
            () => api.participants.dial(meetingId, pid),
            (r) => (r.heldBack ? ts("personQueued", { name: who }) : t("calling", { name: who })),
          )
        }
      >
        {/* After a refused dial (wallet empty, number not owned…) the same button is the row's Retry. */}
        {first ? t("call") : person.dialError ? ts("retry") : t("redial")}
      </Button>,
    );
  }
  if (inRoom && leg) {
    buttons.push(
      person.muted ? (
        <Button
          key="unmute"
          size="sm"
          variant="secondary"
          pending={busy === "unmute"}
          aria-label={t("unmutePerson", { name: who })}
          onClick={() =>
            act(
              "unmute",
              () => api.meetings.legCommand(meetingId, leg, "unmute"),
              () => t("unmuting", { name: who }),
            )
          }
        >
          {t("unmute")}
        </Button>
      ) : (
        <Button
          key="mute"
          size="sm"
          variant="secondary"
          pending={busy === "mute"}
          aria-label={t("mutePerson", { name: who })}
          onClick={() =>
            act(
              "mute",
              () => api.meetings.legCommand(meetingId, leg, "mute"),
              () => t("muting", { name: who }),
            )
          }
        >
          {t("mute")}
        </Button>
      ),
    );
  }
  if (meetingOpen && pid && person.role === "participant" && person.state !== "invited") {
    buttons.push(
      <Button
        key="listen"
        size="sm"
        variant="ghost"
        pending={busy === "listen"}
        aria-label={t("listenOnlyPerson", { name: who })}
        onClick={() =>
          act(
            "listen",
            () => api.participants.listenOnly(meetingId, pid),
            () => t("listenOnlyDone", { name: who }),
          )
        }
      >
        {t("listenOnly")}
      </Button>,
    );
  }
  if (active && leg) {
    buttons.push(
      <Button
        key="kick"
        size="sm"
        variant="danger"
        pending={busy === "kick"}
        aria-label={t("kickPerson", { name: who })}
        onClick={() =>
          act(
            "kick",
            () => api.meetings.legCommand(meetingId, leg, "kick"),
            () => t("kicking", { name: who }),
          )
        }
      >
        {t("kick")}
      </Button>,
    );
  }
  if (meetingOpen && pid && person.state === "invited") {
    buttons.push(
      <Button
        key="remove"
        size="sm"
        variant="ghost"
        pending={busy === "remove"}
        aria-label={t("removePerson", { name: who })}
        onClick={() =>
          act(
            "remove",
            () => api.participants.remove(meetingId, pid),
            () => t("removed", { name: who }),
            t("removeFailed"),
          )
        }
      >
        {t("remove")}
      </Button>,
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
  return <div className="flex flex-wrap justify-end gap-2">{buttons}</div>;
}
