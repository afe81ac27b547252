// Numbers read out by text-to-speech one digit at a time ("0 7 0 0…"), so a phone number or PIN is
// never read as "seven hundred million". A Kenyan number is read in its national form (leading 0),
// the way people dial it.
export function spokenDigits(value: string): string {
  const national = value.startsWith("+254") ? `0${value.slice(4)}` : value;
  return national.replace(/\D/g, "").split("").join(" ");
}
