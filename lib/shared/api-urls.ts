// The app's API addresses, in one place: the typed client (lib/hooks/api-client.ts) calls them, and
// pages use them for what the browser opens itself (an EventSource, an <audio>, a download link, an
// live-data key). Isomorphic, so server components can link to them too.

const seg = encodeURIComponent;

export const apiUrls = {
  meetings: "/api/meetings",
  meeting: (meetingId: string) => `/api/meetings/${seg(meetingId)}`,
  participant: (meetingId: string, participantId: string) =>
    `${apiUrls.meeting(meetingId)}/participants/${seg(participantId)}`,
  leg: (meetingId: string, legId: string) => `${apiUrls.meeting(meetingId)}/legs/${seg(legId)}`,
  roster: (meetingId: string) => `${apiUrls.meeting(meetingId)}/roster`,
  rosterStream: (meetingId: string) => `${apiUrls.meeting(meetingId)}/stream`,
  statement: (meetingId: string) => `${apiUrls.meeting(meetingId)}/statement`,
  statementCsv: (meetingId: string) => `${apiUrls.meeting(meetingId)}/statement?format=csv`,
  meetingIcs: (meetingId: string) => `${apiUrls.meeting(meetingId)}/ics`,
  recording: (recordingId: string) => `/api/recordings/${seg(recordingId)}`,
  recordingAudio: (recordingId: string) => `${apiUrls.recording(recordingId)}/audio`,
  recordingDownload: (recordingId: string) => `${apiUrls.recording(recordingId)}/audio?download=1`,
  wallet: "/api/admin/wallet",
  retention: "/api/admin/retention",
  limits: "/api/admin/limits",
};
