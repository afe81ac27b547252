import { cryptoRandomInt, type RandomInt } from "@/lib/meetings/pin";

// A room name is the key Sautikit uses to put legs together, and the same name means the same room.
// Each occurrence of a meeting gets a fresh, unguessable name so a recurring meeting never reuses a
// room and a stale leg can never land in a later occurrence. Names stay within [a-z0-9-], ≤ 64 chars.

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

export function newRoomName(startsAt: Date, random: RandomInt = cryptoRandomInt): string {
  const day = startsAt.toISOString().slice(0, 10).replaceAll("-", "");
  let suffix = "";
  for (let i = 0; i < 16; i++) suffix += ALPHABET[random(ALPHABET.length)];
  return `mk-${day}-${suffix}`;
}

export function isRoomName(value: string): boolean {
  return /^mk-\d{8}-[a-z2-9]{16}$/.test(value);
}
