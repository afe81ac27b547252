// The recording notice written into invitations (the text to copy and the .ics). Invitations are
// read before anyone knows which language the reader prefers, so the notice is in both (ADR 0021);
// on the phone each caller hears it in the meeting's language (lib/meetings/prompts/).
export const RECORDING_NOTICE_LINES = [
  "This meeting is recorded: every caller hears a notice before joining.",
  "Mkutano huu unarekodiwa: kila mpigaji husikia tangazo kabla ya kujiunga.",
] as const;
