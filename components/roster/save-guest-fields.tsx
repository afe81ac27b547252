"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";

/** The open half of <SaveGuestForm>: the guest's name, saved as a participant. */
export function SaveGuestFields({
  meetingId,
  legId,
  phone,
  onClose,
  onSaved,
}: {
  meetingId: string;
  legId: string;
  phone: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT("Roster");
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useApiAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    await run("save", () => api.meetings.saveGuest(meetingId, { name, legId }), {
      done: () => t("guestSaved", { name: name.trim() }),
      then: () => {
        onClose();
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
      <Button size="sm" variant="ghost" onClick={onClose}>
        {t("cancel")}
      </Button>
    </form>
  );
}
