"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

// Fetched when the organiser opens it: only dial-in guests have it, and few are ever saved.
const SaveGuestFields = lazy(() =>
  import("@/components/roster/save-guest-fields").then((m) => ({ default: m.SaveGuestFields })),
);

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
  const [open, setOpen] = useState(false);
  const button = (
    <Button size="sm" variant="secondary" aria-label={t("saveGuestLabel", { phone })} onClick={() => setOpen(true)}>
      {t("saveGuest")}
    </Button>
  );
  if (!open) return button;
  return (
    <Suspense fallback={button}>
      <SaveGuestFields
        meetingId={meetingId}
        legId={legId}
        phone={phone}
        onClose={() => setOpen(false)}
        onSaved={onSaved}
      />
    </Suspense>
  );
}
