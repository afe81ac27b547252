import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { CancelMeetingButton } from "@/components/meetings/cancel-meeting-button";
import { ViewerTime } from "@/components/meetings/viewer-time";
import { groupPin, inviteText } from "@/lib/shared/invite-text";
import { formatInZone } from "@/lib/shared/meeting-time";
import type { MeetingView } from "@/lib/shared/meeting-view-types";

/**
 * When, where to dial, the PINs, the settings, and the invitation (copy or .ics). A server
 * component: only the copy and cancel buttons and the viewer's local time run in the browser.
 */
export function MeetingOverview({ meeting }: { meeting: MeetingView }) {
  const start = new Date(meeting.startsAt);
  const text = inviteText({ ...meeting, startsAt: start });
  const editable = meeting.status === "scheduled" || meeting.status === "live";
  const settings = [
    meeting.waitForHost ? "Waiting room until the host joins" : "Starts when the first person joins",
    meeting.endOnHostExit ? "Ends when the host leaves" : "Continues after the host leaves",
    meeting.beep ? "Entry and exit beep" : "No beep",
    `Capacity ${meeting.capacity}`,
    meeting.record ? "Recorded" : "Not recorded",
    meeting.language === "sw" ? "Prompts in Kiswahili" : "Prompts in English",
    meeting.recurrence === "weekly" ? "Repeats weekly" : "One-off",
  ];

  return (
    <Card>
      <CardHeader
        title="Details"
        actions={
          <div className="flex flex-wrap gap-2">
            <a className={buttonClasses("secondary", "sm")} href={`/api/meetings/${meeting.id}/ics`} download>
              Download .ics
            </a>
            <CopyButton value={text} label="Copy invite text" />
            {editable ? (
              <Link className={buttonClasses("secondary", "sm")} href={`/meetings/${meeting.id}/edit`}>
                Edit
              </Link>
            ) : null}
            {meeting.status === "scheduled" ? <CancelMeetingButton meetingId={meeting.id} /> : null}
          </div>
        }
      />
      <CardBody>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">When</dt>
            <dd>
              {formatInZone(start, meeting.timeZone)} · {meeting.durationMinutes} min
              <ViewerTime startsAt={meeting.startsAt} timeZone={meeting.timeZone} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Dial in</dt>
            <dd>
              {meeting.dialInDisplay ?? "No dial-in number yet"} · PIN{" "}
              <span className="font-mono" data-testid="meeting-pin">{groupPin(meeting.pin)}</span>
              <div className="text-slate-500">
                Host PIN <span className="font-mono">{groupPin(meeting.hostPin)}</span>
              </div>
            </dd>
          </div>
          {meeting.agenda ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Agenda</dt>
              <dd className="whitespace-pre-line">{meeting.agenda}</dd>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Settings</dt>
            <dd>{settings.join(" · ")}</dd>
          </div>
        </dl>
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-slate-700">Invite text</summary>
          <pre className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-slate-800" data-testid="invite-text">
            {text}
          </pre>
        </details>
      </CardBody>
    </Card>
  );
}
