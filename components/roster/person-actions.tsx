"use client";

import { useState } from "react";
import { SaveGuestForm } from "@/components/roster/save-guest-form";
import { Button } from "@/components/ui/button";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch } from "@/lib/hooks/api-fetch";
import type { RosterPerson } from "@/lib/shared/roster-types";
import { useT } from "@/lib/i18n/client";

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
  const announce = useStatusMessage();
  const t = useT("SautikitStatus");
  const [busy, setBusy] = useState<string | null>(null);
  const base = `/api/meetings/${meetingId}`;
  const run = async (name: string, url: string, done: string | ((r: unknown) => string)) => {
    setBusy(name);
    try {
      const r = await apiFetch(url, { method: "POST" });
      announce(typeof done === "string" ? done : done(r));
      onChanged();
    } catch (err) {
      announce(err instanceof Error ? err.message : "That did not work.", "error");
    } finally {
      setBusy(null);
    }
  };
  const remove = async () => {
    setBusy("remove");
    try {
      await apiFetch(`${base}/participants/${person.participantId}`, { method: "DELETE" });
      announce(`${person.name} removed`);
      onChanged();
    } catch (err) {
      announce(err instanceof Error ? err.message : "Could not remove.", "error");
    } finally {
      setBusy(null);
    }
  };

  const leg = person.currentLegId;
  const inRoom = person.state === "in_call" || person.state === "waiting";
  const active = person.state !== "invited" && person.state !== "left";
  const who = person.name;
  const buttons = [];

  if (meetingOpen && person.participantId && (person.state === "invited" || person.state === "left")) {
    // After a refused dial (wallet empty, number not owned…) the same button is the row's Retry.
    const label = person.state === "invited" ? "Call" : person.dialError ? t("retry") : "Re-dial";
    const dialled = (r: unknown) => ((r as { status?: string; heldBack?: boolean }).heldBack ? t("personQueued", { name: who }) : t("callingPerson", { name: who }));
    buttons.push(
      <Button key="dial" size="sm" pending={busy === "dial"} aria-label={`${label} ${who}`} onClick={() => run("dial", `${base}/participants/${person.participantId}/dial`, dialled)}>
        {label}
      </Button>,
    );
  }
  if (inRoom && leg) {
    buttons.push(
      person.muted ? (
        <Button key="unmute" size="sm" variant="secondary" pending={busy === "unmute"} aria-label={`Unmute ${who}`} onClick={() => run("unmute", `${base}/legs/${leg}/unmute`, `Unmuting ${who}`)}>
          Unmute
        </Button>
      ) : (
        <Button key="mute" size="sm" variant="secondary" pending={busy === "mute"} aria-label={`Mute ${who}`} onClick={() => run("mute", `${base}/legs/${leg}/mute`, `Muting ${who}`)}>
          Mute
        </Button>
      ),
    );
  }
  if (meetingOpen && person.participantId && person.role === "participant" && person.state !== "invited") {
    buttons.push(
      <Button key="listen" size="sm" variant="ghost" pending={busy === "listen"} aria-label={`Move ${who} to listen-only`} onClick={() => run("listen", `${base}/participants/${person.participantId}/listen-only`, `${who} will be re-dialled as a listener`)}>
        Listen only
      </Button>,
    );
  }
  if (active && leg) {
    buttons.push(
      <Button key="kick" size="sm" variant="danger" pending={busy === "kick"} aria-label={`Remove ${who} from the call`} onClick={() => run("kick", `${base}/legs/${leg}/kick`, `Removing ${who} from the call`)}>
        Kick
      </Button>,
    );
  }
  if (meetingOpen && person.participantId && person.state === "invited") {
    buttons.push(
      <Button key="remove" size="sm" variant="ghost" pending={busy === "remove"} aria-label={`Remove ${who} from the meeting`} onClick={remove}>
        Remove
      </Button>,
    );
  }
  // A dial-in guest (no participant row): the organiser can name them and save them as a participant.
  if (!person.participantId && person.legs.some((l) => l.direction === "inbound")) {
    buttons.push(<SaveGuestForm key="save-guest" meetingId={meetingId} phoneE164={person.phoneE164} phoneDisplay={person.phoneDisplay} onSaved={onChanged} />);
  }
  return <div className="flex flex-wrap justify-end gap-2">{buttons}</div>;
}
