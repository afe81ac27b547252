import { useEffect, useState, type FormEvent } from "react";
import { controlApi } from "./api";
import { useActions } from "./actions";
import { describeBehaviour, formatPhone } from "./format";
import type { Behaviour } from "../../state/types";

type Choice = "auto" | "manual" | "busy" | "no_answer" | "fail" | "voicemail" | "hangup_after" | "drop_after";

const CHOICES: Array<[Choice, string]> = [
  ["auto", "Answer automatically"],
  ["manual", "Ring until answered"],
  ["busy", "Busy"],
  ["no_answer", "Never answer"],
  ["fail", "Fail the call"],
  ["voicemail", "Voicemail picks up"],
  ["hangup_after", "Answer, hang up after…"],
  ["drop_after", "Answer, network drops after…"],
];

/** "" = never press a key. */
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#", ""];

const choiceOf = (b: Behaviour): Choice =>
  typeof b === "object" ? ("drop_after_seconds" in b ? "drop_after" : "hangup_after") : (b as Choice);
const secondsOf = (b: Behaviour): string | null =>
  typeof b === "object" ? String("drop_after_seconds" in b ? b.drop_after_seconds : b.hangup_after_seconds) : null;

export function BehaviourForm({
  e164,
  behaviour,
  promptKey,
}: {
  e164: string;
  behaviour: Behaviour;
  promptKey: string | null;
}) {
  const { run } = useActions();
  const [choice, setChoice] = useState<Choice>(choiceOf(behaviour));
  const [seconds, setSeconds] = useState(secondsOf(behaviour) ?? "10");
  const [key, setKey] = useState(promptKey ?? "");
  const current = JSON.stringify(behaviour);

  // Follow the server when someone else (a test, another tab) changes it.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the server's value when it changes elsewhere
    setChoice(choiceOf(behaviour));
    const s = secondsOf(behaviour);
    if (s !== null) setSeconds(s);
  }, [current]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the server's value when it changes elsewhere
  useEffect(() => setKey(promptKey ?? ""), [promptKey]);

  const secondsValue = Number(seconds);
  const secondsValid = Number.isInteger(secondsValue) && secondsValue >= 1 && secondsValue <= 86400;
  const timed = choice === "hangup_after" || choice === "drop_after";
  const next: Behaviour | null = !timed
    ? choice
    : !secondsValid
      ? null
      : choice === "drop_after"
        ? { drop_after_seconds: secondsValue }
        : { hangup_after_seconds: secondsValue };
  const nextKey = key === "" ? null : key;
  const behaviourChanged = next !== null && JSON.stringify(next) !== current;
  const keyChanged = nextKey !== promptKey;
  const changed = (behaviourChanged || keyChanged) && next !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!next) return;
    const keyText = nextKey === null ? "never presses a key" : `presses ${nextKey} when asked`;
    void run(
      () =>
        controlApi.setBehaviour(e164, {
          ...(behaviourChanged ? { behaviour: next } : {}),
          ...(keyChanged ? { prompt_key: nextKey } : {}),
        }),
      `${formatPhone(e164)}: ${describeBehaviour(next).toLowerCase()}; ${keyText}.`,
    );
  };

  const selectId = `behaviour-${e164}`;
  const keyId = `prompt-key-${e164}`;
  return (
    <form className="behaviour" onSubmit={submit}>
      <label htmlFor={selectId}>When called</label>
      <div className="behaviour-row">
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          {CHOICES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {timed ? (
          <input
            className="seconds"
            type="number"
            min={1}
            max={86400}
            step={1}
            inputMode="numeric"
            aria-label={
              choice === "drop_after" ? "Seconds before the network drops the call" : "Seconds before hanging up"
            }
            aria-invalid={!secondsValid}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
        ) : null}
      </div>
      <label htmlFor={keyId}>Asked for one key (answering by itself)</label>
      <div className="behaviour-row">
        <select id={keyId} value={key} onChange={(e) => setKey(e.target.value)}>
          {KEYS.map((k) => (
            <option key={k || "none"} value={k}>
              {k === "" ? "Never press" : `Press ${k}`}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-quiet" disabled={!changed}>
          Apply
        </button>
      </div>
    </form>
  );
}
