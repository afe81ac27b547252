"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/hooks/api-client";
import { apiUrls } from "@/lib/shared/api-urls";

type State =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "pending"; retryIn: number }
  | { kind: "playing"; src: string }
  | { kind: "error"; message: string };

/**
 * Asks the app (which asks Sautikit) whether the recording can be played now; once it can, an
 * <audio> element streams it from the app's own URL. While Sautikit is still preparing the file
 * it says so and asks again after the retry-after Sautikit gave.
 */
export function RecordingPlayer({ recordingId, label }: { recordingId: string; label: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const check = async () => {
    clearTimeout(timer.current);
    setState({ kind: "checking" });
    try {
      const { recording } = await api.recordings.get(recordingId);
      const a = recording.availability;
      if (a.status === "ready") return setState({ kind: "playing", src: apiUrls.recordingAudio(recordingId) });
      if (a.status === "pending") {
        setState({ kind: "pending", retryIn: a.retryAfterSeconds });
        timer.current = setTimeout(() => void check(), a.retryAfterSeconds * 1000);
        return;
      }
      setState({
        kind: "error",
        message:
          a.status === "gone"
            ? "This recording is no longer available at Sautikit."
            : "Sautikit has no recording for this call.",
      });
    } catch (e) {
      setState({ kind: "error", message: e instanceof ApiError ? e.message : "Could not load the recording." });
    }
  };

  if (state.kind === "playing") {
    return (
      // A phone-call recording has no caption track to offer.
      <audio
        controls
        autoPlay
        preload="auto"
        src={state.src}
        aria-label={`Recording of ${label}`}
        data-testid="recording-audio"
        className="h-9 w-64 max-w-full"
        onError={() => setState({ kind: "error", message: "The recording could not be played. Try again." })}
      />
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        onClick={() => void check()}
        pending={state.kind === "checking"}
        aria-label={`Play recording of ${label}`}
      >
        Play
      </Button>
      {state.kind === "pending" ? (
        <span role="status" className="text-xs text-slate-600">
          Sautikit is still preparing it; trying again in {state.retryIn} s.
        </span>
      ) : null}
      {state.kind === "error" ? (
        <span role="status" className="text-xs text-red-700" data-testid="recording-error">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
