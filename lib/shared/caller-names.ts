// What a caller who is not on the meeting's list is called, everywhere (roster, statement, call
// log): one word per language. English is what the web shows today; the Swahili is kept beside it.
export const callerNames = {
  en: { guest: "Guest caller" },
  sw: { guest: "Mpigaji mgeni" },
} as const;

export const GUEST_CALLER_NAME = callerNames.en.guest;
