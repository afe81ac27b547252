// The meeting form's time zone list. Browsers list zones by their CLDR names, some of which are
// spellings the IANA database retired years ago (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for
// Europe/Kyiv): those are shown by their current names, and names that are now only links to
// another zone are dropped. The organiser's own zone and the zones most organisers use come first.

/** Retired spellings (CLDR still uses them) → the IANA zone they stand for. */
export const LEGACY_ZONE_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Nipigon": "America/Toronto",
  "America/Pangnirtung": "America/Iqaluit",
  "America/Rainy_River": "America/Winnipeg",
  "America/Thunder_Bay": "America/Toronto",
  "America/Yellowknife": "America/Edmonton",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Australia/Currie": "Australia/Hobart",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Johnston": "Pacific/Honolulu",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** Where most organisers are: East Africa first, then the continent's other large cities. */
export const COMMON_AFRICAN_ZONES = [
  "Africa/Nairobi",
  "Africa/Dar_es_Salaam",
  "Africa/Kampala",
  "Africa/Kigali",
  "Africa/Addis_Ababa",
  "Africa/Lagos",
  "Africa/Accra",
  "Africa/Johannesburg",
  "Africa/Cairo",
] as const;

export function currentZoneName(zone: string): string {
  return LEGACY_ZONE_NAMES[zone] ?? zone;
}

/**
 * `first`: the organiser's own zone (and the meeting's, when editing) then the common African
 * ones, without repeats; `rest`: every other zone in alphabetical order, by current names only.
 */
export function timeZoneChoices(
  available: readonly string[],
  own: readonly string[],
): { first: string[]; rest: string[] } {
  const all = new Set(available.map(currentZoneName));
  all.add("UTC");
  const first = [...new Set([...own.map(currentZoneName), ...COMMON_AFRICAN_ZONES])];
  const rest = [...all].filter((z) => !first.includes(z)).sort();
  return { first, rest };
}

/** Case- and separator-insensitive match on any part of the name ("dar es", "new york"). */
export function zoneMatches(zone: string, query: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[_/\s-]+/g, " ")
      .trim();
  return norm(zone).includes(norm(query));
}
