// Browser entry for hard-stop-countdown.test.ts: the roster's real countdown with the real catalogs,
// its clock ticking like the meeting page's, and Extend answered by the test's local server.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { HardStopCountdown } from "@/components/roster/hard-stop-countdown";
import { StatusMessageProvider } from "@/components/ui/status-message";
import { useNow } from "@/lib/hooks/use-now";
import { ClientIntlProvider, type ClientMessages } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";

type Config = { locale: Locale; messages: ClientMessages; hardStopAt: number; canExtend: boolean };
const config = (window as unknown as { probeConfig: Config }).probeConfig;

function Probe() {
  const now = useNow(1000, true);
  const [stop, setStop] = useState({ hardStopAt: config.hardStopAt, canExtend: config.canExtend });
  return (
    <HardStopCountdown
      meetingId="m1"
      hardStopAt={stop.hardStopAt}
      canExtend={stop.canExtend}
      now={now}
      onExtended={() => void fetch("/roster").then(async (r) => setStop(await r.json()))}
    />
  );
}

createRoot(document.getElementById("root")!).render(
  <ClientIntlProvider locale={config.locale} messages={config.messages}>
    <StatusMessageProvider>
      <Probe />
    </StatusMessageProvider>
  </ClientIntlProvider>,
);
