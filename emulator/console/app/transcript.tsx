import { useEffect, useRef } from "react";
import { formatClock } from "./format";
import type { TranscriptEntry } from "./types";

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

/** What the caller on this phone hears, oldest first; follows new lines unless scrolled up. */
export function Transcript({ entries, label }: { entries: TranscriptEntry[]; label: string }) {
  const listRef = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);

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
      {entries.map((entry, index) => (
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
