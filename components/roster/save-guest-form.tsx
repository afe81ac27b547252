"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch } from "@/lib/hooks/api-fetch";

/** Names a dial-in guest and saves them as a participant (so caller ID recognises them next time). */
export function SaveGuestForm({
  meetingId,
  phoneE164,
  phoneDisplay: phone,
  onSaved,
}: {
  meetingId: string;
  phoneE164: string;
  /** Formatted on the server (see RosterPerson). */
  phoneDisplay: string;
  onSaved: () => void;
}) {
  const announce = useStatusMessage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button size="sm" variant="secondary" aria-label={`Name and save the guest ${phone}`} onClick={() => setOpen(true)}>
        Save guest
      </Button>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/meetings/${meetingId}/guests`, { method: "POST", body: { name, phone: phoneE164 } });
      announce(`${name.trim()} saved as a participant`);
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not save the guest.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={`Save the guest ${phone}`}>
      <Field id={`${id}-name`} label={`Name for ${phone}`} error={error}>
        <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoFocus autoComplete="off" />
      </Field>
      <Button type="submit" size="sm" pending={busy}>
        Save
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}
