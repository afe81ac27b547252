import { useEffect, useState, type FormEvent } from "react";
import { controlApi } from "./api";
import { useActions } from "./actions";
import { describeBehaviour, formatPhone } from "./format";
import type { Behaviour } from "./types";

type Choice = "auto" | "manual" | "busy" | "no_answer" | "fail" | "hangup_after";

const CHOICES: Array<[Choice, string]> = [
  ["auto", "Answer automatically"],
  ["manual", "Ring until answered"],
  ["busy", "Busy"],
  ["no_answer", "Never answer"],
  ["fail", "Fail the call"],
  ["hangup_after", "Answer, hang up after…"],
];

const choiceOf = (b: Behaviour): Choice => (typeof b === "object" ? "hangup_after" : (b as Choice));

export function BehaviourForm({ e164, behaviour }: { e164: string; behaviour: Behaviour }) {
  const { run } = useActions();
  const [choice, setChoice] = useState<Choice>(choiceOf(behaviour));
  const [seconds, setSeconds] = useState(typeof behaviour === "object" ? String(behaviour.hangup_after_seconds) : "10");
  const current = JSON.stringify(behaviour);

  // Follow the server when someone else (a test, another tab) changes it.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the server's value when it changes elsewhere
    setChoice(choiceOf(behaviour));
    if (typeof behaviour === "object") setSeconds(String(behaviour.hangup_after_seconds));
  }, [current]);

  const secondsValue = Number(seconds);
  const secondsValid = Number.isInteger(secondsValue) && secondsValue >= 1 && secondsValue <= 86400;
  const next: Behaviour | null =
    choice === "hangup_after" ? (secondsValid ? { hangup_after_seconds: secondsValue } : null) : choice;
  const changed = next !== null && JSON.stringify(next) !== current;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!next) return;
    void run(() => controlApi.setBehaviour(e164, next), `${formatPhone(e164)}: ${describeBehaviour(next).toLowerCase()}.`);
  };

  const selectId = `behaviour-${e164}`;
  return (
    <form className="behaviour" onSubmit={submit}>
      <label htmlFor={selectId}>When called</label>
      <div className="behaviour-row">
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          {CHOICES.map(([value, text]) => (
            <option key={value} value={value}>{text}</option>
          ))}
        </select>
        {choice === "hangup_after" ? (
          <input
            className="seconds"
            type="number"
            min={1}
            max={86400}
            step={1}
            inputMode="numeric"
            aria-label="Seconds before hanging up"
            aria-invalid={!secondsValid}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
        ) : null}
        <button type="submit" className="btn btn-quiet" disabled={!changed}>Apply</button>
      </div>
    </form>
  );
}
