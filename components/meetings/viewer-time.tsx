"use client";

import { useEffect, useState } from "react";
import { useIntlLocale, useT } from "@/lib/i18n/client";
import { formatInZone } from "@/lib/shared/format-in-zone";

/**
 * The meeting's start in the viewer's own zone, when that differs from the meeting's. The zone is
 * only known in the browser, so this renders nothing on the server and fills in after hydration.
 */
export function ViewerTime({ startsAt, timeZone }: { startsAt: string; timeZone: string }) {
  const t = useT("MeetingOverview");
  const locale = useIntlLocale();
  const [viewerZone, setViewerZone] = useState(timeZone);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the viewer's zone exists only in the browser, after hydration
  useEffect(() => setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  if (viewerZone === timeZone) return null;
  return (
    <div className="text-slate-500">
      {t("yourTime", { time: formatInZone(new Date(startsAt), viewerZone, locale) })}
    </div>
  );
}
