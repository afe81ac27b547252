import { memo } from "react";
import { controlApi } from "./api";
import { useActions } from "./actions";
import { BehaviourForm } from "./behaviour-form";
import { Keypad } from "./keypad";
import { Transcript } from "./transcript";
import { describeBehaviour, formatDuration, formatPhone, PHONE_STATE_LABEL } from "./format";
import type { Call, Phone } from "./types";

type Props = {
  phone: Phone;
  call: Call | undefined;
  now: number;
  manual: boolean;
  onDialFrom: (e164: string) => void;
  onRemove: (e164: string) => void;
};

/**
 * Snapshots arrive up to ten times a second as fresh objects; a card only
 * re-renders when what it shows changed (its phone, its call, its clock).
 */
export const PhoneCard = memo(
  PhoneCardView,
  (a, b) =>
    a.now === b.now &&
    a.manual === b.manual &&
    a.onDialFrom === b.onDialFrom &&
    a.onRemove === b.onRemove &&
    JSON.stringify(a.phone) === JSON.stringify(b.phone) &&
    JSON.stringify(a.call) === JSON.stringify(b.call),
);

function PhoneCardView({ phone, call, now, manual, onDialFrom, onRemove }: Props) {
  const { run } = useActions();
  const name = formatPhone(phone.e164);
  const inCall = phone.state === "in_call" || phone.state === "waiting";
  const ringing = phone.state === "ringing";
  const answered = inCall && call?.status === "answered";
  const canHangUp = inCall || (phone.call_id !== null && phone.state !== "ringing" && phone.state !== "ended");
  const titleId = `phone-title-${phone.e164}`;

  return (
    <article className={`phone state-${phone.state}`} aria-labelledby={titleId} data-testid={`phone-${phone.e164}`}>
      <header className="phone-head">
        <h3 id={titleId} className="phone-number">
          {name}
        </h3>
        <span className={`badge badge-${phone.state}`} data-testid="phone-state">
          <span className="dot" aria-hidden="true" />
          {PHONE_STATE_LABEL[phone.state] ?? phone.state}
        </span>
      </header>

      <div className="phone-meta">
        <CallLine phone={phone} call={call} now={now} />
        <div className="tags">
          {phone.muted ? <span className="tag tag-muted">Muted</span> : null}
          {phone.room ? (
            <span className="tag" title="Conference room">
              Room {phone.room}
            </span>
          ) : null}
          {phone.state === "idle" || phone.state === "ended" ? (
            <span className="tag tag-soft">{describeBehaviour(phone.behaviour)}</span>
          ) : null}
        </div>
      </div>

      <div className="phone-actions">
        <PhoneAction label="Answer" tone="btn-answer" enabled={ringing} act={() => controlApi.answer(phone.e164)} />
        <PhoneAction label="Decline" tone="btn-decline" enabled={ringing} act={() => controlApi.decline(phone.e164)} />
        <PhoneAction label="Hang up" tone="btn-hangup" enabled={canHangUp} act={() => controlApi.hangup(phone.e164)} />
        <PhoneAction
          label="Drop (network)"
          tone="btn-quiet"
          enabled={answered}
          title="The network drops the call (network_out_of_order), unlike a hang-up"
          act={() => controlApi.drop(phone.e164)}
          done={`${name}: the network dropped the call.`}
        />
      </div>

      {inCall ? (
        <Keypad
          label={`Keypad for ${name}`}
          disabled={false}
          onPress={(digit) => run(() => controlApi.digits(phone.e164, digit))}
        />
      ) : null}

      <details className="phone-more">
        <summary>Settings</summary>
        <BehaviourForm e164={phone.e164} behaviour={phone.behaviour} promptKey={phone.prompt_key} />
        <div className="phone-links">
          <button
            type="button"
            className="btn btn-quiet"
            disabled={phone.state === "ringing" || inCall}
            onClick={() => onDialFrom(phone.e164)}
          >
            Dial in from this phone
          </button>
          {manual && (phone.state === "idle" || phone.state === "ended") ? (
            <button type="button" className="btn btn-quiet" onClick={() => onRemove(phone.e164)}>
              Remove
            </button>
          ) : null}
        </div>
      </details>

      <section className="phone-transcript" aria-label={`What ${name} hears`}>
        <h4>Hears</h4>
        <Transcript entries={phone.transcript} label={`Transcript for ${name}`} />
      </section>
    </article>
  );
}

/** One of the phone's call buttons: runs `act` through the console's actions (busy, error, announce). */
function PhoneAction({
  label,
  tone,
  enabled,
  title,
  act,
  done,
}: {
  label: string;
  tone: string;
  enabled: boolean;
  title?: string;
  act: () => Promise<unknown>;
  /** Announced when `act` succeeds. */
  done?: string;
}) {
  const { run } = useActions();
  return (
    <button
      type="button"
      className={`btn ${tone}`}
      disabled={!enabled}
      title={title}
      onClick={() => void run(act, done)}
    >
      {label}
    </button>
  );
}

function CallLine({ phone, call, now }: { phone: Phone; call: Call | undefined; now: number }) {
  if (!call || phone.state === "idle") return <p className="call-line">No call</p>;
  // An incoming call shows the caller ID the caller asked for, else the number it came from.
  const peer = call.local_e164 === phone.e164 ? call.remote_e164 : (call.caller_id ?? call.local_e164);
  // Direction is the provider's: an outbound call rings this phone, an inbound one was dialled from it.
  const incoming = call.direction !== "inbound";
  const who = peer ? formatPhone(peer) : "unknown number";
  const answered = call.answered_at ? new Date(call.answered_at).getTime() : NaN;
  const ended = call.ended_at ? new Date(call.ended_at).getTime() : NaN;
  const running = Number.isFinite(answered)
    ? formatDuration(((Number.isFinite(ended) ? ended : now) - answered) / 1000)
    : null;
  return (
    <p className="call-line">
      {incoming ? "Call from " : "Calling "}
      <strong>{who}</strong>
      {running ? (
        <span className="timer" aria-label="Call duration">
          {" "}
          · {running}
        </span>
      ) : null}
    </p>
  );
}
