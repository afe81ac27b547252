// Browser entry for live-roster-ordering.test.ts: renders the real useMeetingRoster hook and shows
// which snapshot it holds, so the test can drive fetches and pushes from a local server.
import { createRoot } from "react-dom/client";
import { mutateLiveData, useLiveData } from "@/lib/hooks/use-live-data";
import { useMeetingRoster, type RosterSnapshot } from "@/lib/hooks/use-meeting-roster";

const initial: RosterSnapshot = {
  meeting: {
    id: "m1",
    status: "live",
    locked: false,
    moderation: "open",
    startedAt: null,
    endedAt: null,
    capacity: 10,
    record: false,
    hardStopAt: null,
    canExtend: false,
  },
  people: [],
  sautikitDownSince: null,
  serverNow: 0,
  version: "v1",
};

// What an action does after it succeeds (the hook's `mutate()`): fetch again, superseding a fetch
// already in flight.
(window as unknown as { refetchRoster: () => void }).refetchRoster = () =>
  void mutateLiveData("/api/meetings/m1/roster");

function Probe() {
  const { data, streaming } = useMeetingRoster("m1", initial);
  // A second subscriber to the same key, without a fetcher: it never fetches, but shows whether a
  // fetch for the roster is in flight (the live-data entry shares that state per key), so the test can wait for a
  // response to have been processed instead of sleeping.
  const { isValidating } = useLiveData("/api/meetings/m1/roster", null);
  return (
    <p id="probe" data-streaming={String(streaming)} data-validating={String(isValidating)}>
      {data.version}
    </p>
  );
}

createRoot(document.getElementById("root")!).render(<Probe />);
