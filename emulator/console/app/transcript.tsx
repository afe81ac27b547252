import { useEffect, useMemo, useRef } from "react";
import { formatClock } from "./format";
import type { TranscriptLine } from "../../state/types";

const KIND_LABEL: Record<string, string> = {
  say: "Says",
  play: "Plays",
  beep: "Beep",
  hold: "Hold music",
  muted: "Muted",
  unmuted: "Unmuted",
  system: "Call",
  digits: "Pressed",
};

const DIGIT_RUN_GAP_MS = 3000;

/**
 * Keys pressed in quick succession read as one line ("Pressed 1234#"), the
 * way a person reads a PIN; the emulator records one entry per key.
 */
export function groupDigits(entries: TranscriptLine[]): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  let previousAt = 0;
  for (const entry of entries) {
    const at = Date.parse(entry.at);
    const last = lines[lines.length - 1];
    if (entry.kind === "digits" && last?.kind === "digits" && at - previousAt <= DIGIT_RUN_GAP_MS) {
      // The line keeps the time of its first key.
      lines[lines.length - 1] = { ...last, text: last.text + entry.text };
    } else {
      lines.push(entry);
    }
    previousAt = at;
  }
  return lines;
}

/** What the caller on this phone hears, oldest first; follows new lines unless scrolled up. */
export function Transcript({ entries, label }: { entries: TranscriptLine[]; label: string }) {
  const listRef = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const lines = useMemo(() => groupDigits(entries), [entries]);

  useEffect(() => {
    const list = listRef.current;
    if (list && pinned.current) list.scrollTop = list.scrollHeight;
  }, [entries.length]);

  if (entries.length === 0) return <p className="transcript-empty">Nothing heard yet.</p>;

  return (
    <ol
      ref={listRef}
      className="transcript"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => {
        const el = event.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className={`line line-${entry.kind}`}>
          <time dateTime={entry.at}>{formatClock(entry.at)}</time>
          <span className="line-text">
            <span className="line-kind">{KIND_LABEL[entry.kind] ?? entry.kind}</span>
            <span className="sr-only">: </span>
            {entry.kind === "say" ? `“${entry.text}”` : entry.text}
            {entry.language ? (
              <span className="lang" title="Language">
                <span className="sr-only">, language </span>
                {entry.language}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
