"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";

/** Names a dial-in guest and saves them as a participant (so caller ID recognises them next time). */
export function SaveGuestForm({
  meetingId,
  legId,
  phoneDisplay: phone,
  onSaved,
}: {
  meetingId: string;
  /** One of the guest's calls: the server finds the number (the browser may only have it masked). */
  legId: string;
  /** Formatted (and masked where the viewer may not see it) on the server (see RosterPerson). */
  phoneDisplay: string;
  onSaved: () => void;
}) {
  const t = useT("Roster");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useApiAction();

  if (!open) {
    return (
      <Button size="sm" variant="secondary" aria-label={t("saveGuestLabel", { phone })} onClick={() => setOpen(true)}>
        {t("saveGuest")}
      </Button>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    await run("save", () => api.meetings.saveGuest(meetingId, { name, legId }), {
      done: () => t("guestSaved", { name: name.trim() }),
      then: () => {
        setOpen(false);
        onSaved();
      },
      failed: t("guestFailed"),
      onError: setError,
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={t("saveGuestForm", { phone })}>
      <Field id={`${id}-name`} label={t("nameFor", { phone })} error={error}>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={80}
          autoFocus
          autoComplete="off"
        />
      </Field>
      <Button type="submit" size="sm" pending={busy !== null}>
        {t("save")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        {t("cancel")}
      </Button>
    </form>
  );
}
