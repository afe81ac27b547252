import { useRef, useState, type KeyboardEvent } from "react";

const KEYS: Array<[string, string]> = [
  ["1", ""],
  ["2", "ABC"],
  ["3", "DEF"],
  ["4", "GHI"],
  ["5", "JKL"],
  ["6", "MNO"],
  ["7", "PQRS"],
  ["8", "TUV"],
  ["9", "WXYZ"],
  ["*", ""],
  ["0", "+"],
  ["#", ""],
];
const COLUMNS = 3;

const keyName = (digit: string) => (digit === "*" ? "star" : digit === "#" ? "hash" : digit);

/**
 * A phone keypad. Each key is sent as it is pressed (DTMF is per key), in
 * order: presses are chained so a fast typist never reorders digits.
 * One Tab stop for the whole pad (arrow keys move between keys, Home/End jump);
 * with focus in the pad, typing 0-9, * or # presses that key.
 */
export function Keypad({
  label,
  disabled,
  onPress,
}: {
  label: string;
  disabled: boolean;
  onPress: (digit: string) => Promise<unknown>;
}) {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const [active, setActive] = useState(0);

  const press = (digit: string) => {
    chain.current = chain.current.then(() => onPress(digit)).catch(() => undefined);
  };

  const focusKey = (index: number) => {
    const next = (index + KEYS.length) % KEYS.length;
    setActive(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (disabled || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
    if (event.key in moves) {
      event.preventDefault();
      focusKey(active + moves[event.key]!);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      focusKey(event.key === "Home" ? 0 : KEYS.length - 1);
    } else if (/^[0-9*#]$/.test(event.key)) {
      event.preventDefault();
      const index = KEYS.findIndex(([digit]) => digit === event.key);
      focusKey(index);
      press(event.key);
    }
  };

  return (
    <div className="keypad" role="group" aria-label={label} onKeyDown={onKeyDown}>
      {KEYS.map(([digit, letters], index) => (
        <button
          key={digit}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          className="key"
          disabled={disabled}
          tabIndex={index === active ? 0 : -1}
          aria-label={`Press ${keyName(digit)}`}
          onFocus={() => setActive(index)}
          onClick={() => press(digit)}
        >
          <span className="key-digit">{digit}</span>
          <span className="key-letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
