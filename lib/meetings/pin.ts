// PINs identify a meeting to dial-in callers, so they must be unguessable and unique among the
// workspace's live and upcoming meetings (uniqueness is enforced in allocate-pins.ts).

export const PIN_LENGTH = 9;

export type RandomInt = (maxExclusive: number) => number;

/** Unbiased integer in [0, max) from the platform CSPRNG (rejection sampling). */
export const cryptoRandomInt: RandomInt = (max) => {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const v = buf[0]!;
    if (v < limit) return v % max;
  }
};

/** True for PINs a person might guess: one repeated digit or a straight run (123456789, 987654321). */
export function isWeakPin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < pin.length; i++) {
    const d = Number(pin[i]) - Number(pin[i - 1]);
    if (d !== 1 && d !== -9) up = false;
    if (d !== -1 && d !== 9) down = false;
  }
  return up || down;
}

export function generatePin(length: number = PIN_LENGTH, random: RandomInt = cryptoRandomInt): string {
  if (!Number.isInteger(length) || length < PIN_LENGTH) throw new Error(`PINs have at least ${PIN_LENGTH} digits`);
  for (;;) {
    let pin = "";
    for (let i = 0; i < length; i++) pin += String(random(10));
    if (!isWeakPin(pin)) return pin;
  }
}

/**
 * A meeting PIN and a distinct host PIN, neither of which is in `taken` (the PINs and host PINs of
 * the workspace's other live or upcoming meetings).
 */
export function generatePinPair(
  taken: ReadonlySet<string>,
  random: RandomInt = cryptoRandomInt,
): { pin: string; hostPin: string } {
  const pick = (avoid: ReadonlySet<string>, extra?: string) => {
    for (let tries = 0; tries < 1000; tries++) {
      const pin = generatePin(PIN_LENGTH, random);
      if (!avoid.has(pin) && pin !== extra) return pin;
    }
    throw new Error("Could not find a free PIN");
  };
  const pin = pick(taken);
  const hostPin = pick(taken, pin);
  return { pin, hostPin };
}
