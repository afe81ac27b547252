"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/hooks/api-client";
import { apiUrls } from "@/lib/shared/api-urls";
import { useT } from "@/lib/i18n/client";

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
  const t = useT("RecordingPlayer");
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
        message: a.status === "gone" ? t("gone") : t("missing"),
      });
    } catch (e) {
      setState({ kind: "error", message: e instanceof ApiError ? e.message : t("loadFailed") });
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
        aria-label={t("recordingOf", { label })}
        data-testid="recording-audio"
        className="h-9 w-64 max-w-full"
        onError={() => setState({ kind: "error", message: t("playFailed") })}
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
        aria-label={t("playLabel", { label })}
      >
        {t("play")}
      </Button>
      {state.kind === "pending" ? (
        <span role="status" className="text-xs text-slate-600">
          {t("preparing", { seconds: state.retryIn })}
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
