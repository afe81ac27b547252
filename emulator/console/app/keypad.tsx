import { useRef, type KeyboardEvent } from "react";

const KEYS: Array<[string, string]> = [
  ["1", ""], ["2", "ABC"], ["3", "DEF"],
  ["4", "GHI"], ["5", "JKL"], ["6", "MNO"],
  ["7", "PQRS"], ["8", "TUV"], ["9", "WXYZ"],
  ["*", ""], ["0", "+"], ["#", ""],
];

/**
 * A phone keypad. Each key is sent as it is pressed (DTMF is per key), in
 * order: presses are chained so a fast typist never reorders digits.
 * With focus anywhere in the pad, typing 0-9, * or # presses that key.
 */
export function Keypad({ label, disabled, onPress }: { label: string; disabled: boolean; onPress: (digit: string) => Promise<unknown> }) {
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const press = (digit: string) => {
    chain.current = chain.current.then(() => onPress(digit)).catch(() => undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (disabled || event.altKey || event.ctrlKey || event.metaKey) return;
    if (/^[0-9*#]$/.test(event.key)) {
      event.preventDefault();
      press(event.key);
    }
  };

  return (
    <div className="keypad" role="group" aria-label={label} onKeyDown={onKeyDown}>
      {KEYS.map(([digit, letters]) => (
        <button
          key={digit}
          type="button"
          className="key"
          disabled={disabled}
          aria-label={`Press ${digit === "*" ? "star" : digit === "#" ? "hash" : digit}`}
          onClick={() => press(digit)}
        >
          <span className="key-digit">{digit}</span>
          <span className="key-letters" aria-hidden="true">{letters}</span>
        </button>
      ))}
    </div>
  );
}
