"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch } from "@/lib/hooks/api-fetch";
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
  const announce = useStatusMessage();
  const t = useT("Roster");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button size="sm" variant="secondary" aria-label={t("saveGuestLabel", { phone })} onClick={() => setOpen(true)}>
        {t("saveGuest")}
      </Button>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/meetings/${meetingId}/guests`, { method: "POST", body: { name, legId } });
      announce(t("guestSaved", { name: name.trim() }));
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : t("guestFailed"));
    } finally {
      setBusy(false);
    }
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
      <Button type="submit" size="sm" pending={busy}>
        {t("save")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        {t("cancel")}
      </Button>
    </form>
  );
}
