import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DeleteRecordingButton } from "@/components/recordings/delete-recording-button";
import { RecordingFilters } from "@/components/recordings/recording-filters";
import { RecordingPlayer } from "@/components/recordings/recording-player";
import { RetentionForm } from "@/components/recordings/retention-form";
import { formatBytes, formatDateTime, formatDuration } from "@/components/spend/format";
import { requireActor } from "@/lib/auth/actor";
import {
  listRecordings,
  RECORDING_LIST_LIMIT,
  recordingFilterOptions,
  recordingFiltersSchema,
} from "@/lib/recordings/list-recordings";
import { getRetention } from "@/lib/recordings/retention";
import { apiUrls } from "@/lib/shared/api-urls";

export const metadata = { title: "Recordings" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function RecordingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]),
  );
  const parsed = recordingFiltersSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const isAdmin = actor.role === "admin";
  const [recordings, options, retentionDays] = await Promise.all([
    listRecordings(actor, filters),
    recordingFilterOptions(actor),
    isAdmin ? getRetention(actor) : Promise.resolve(null),
  ]);

  return (
    <>
      <PageHeader
        title="Recordings"
        description={isAdmin ? "Every recorded meeting in this workspace." : "Recordings of the meetings you organise."}
      />
      {!parsed.success ? (
        <Notice tone="error" className="mb-4" testId="filter-error">
          {parsed.error.issues[0]?.message ?? "Those filters are not valid."} Showing all recordings instead.
        </Notice>
      ) : null}
      <RecordingFilters options={options} values={parsed.success ? filters : {}} showOrganiser={isAdmin} />
      {recordings.length === 0 ? (
        <EmptyState
          title="No recordings"
          description="Meetings with recording switched on appear here once they end. Playback always fetches a fresh link from Sautikit."
        />
      ) : (
        <Card>
          <Table caption="Recordings">
            <THead>
              <Tr>
                <Th>Meeting</Th>
                <Th>Recorded</Th>
                <Th className="text-right">Length</Th>
                <Th className="text-right">People</Th>
                <Th>Listen</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {recordings.map((r) => (
                <Tr key={r.id} data-testid="recording-row" data-recording-id={r.id}>
                  <Td>
                    <Link href={`/meetings/${r.meetingId}`} className="font-medium text-brand-700 hover:underline">
                      {r.meetingTitle}
                    </Link>
                    <div className="text-xs text-slate-500">Organised by {r.organiserName}</div>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
                  <Td className="text-right tabular-nums">
                    {r.durationSeconds === null ? "—" : formatDuration(r.durationSeconds)}
                    <div className="text-xs text-slate-500">{formatBytes(r.sizeBytes)}</div>
                  </Td>
                  <Td className="text-right tabular-nums">{r.participants}</Td>
                  <Td>
                    <RecordingPlayer recordingId={r.id} label={r.meetingTitle} />
                  </Td>
                  <Td>
                    <div className="flex justify-end gap-2">
                      <a
                        href={apiUrls.recordingDownload(r.id)}
                        className={buttonClasses("secondary", "sm")}
                        download
                        data-testid="recording-download"
                      >
                        Download
                      </a>
                      {isAdmin ? <DeleteRecordingButton recordingId={r.id} label={r.meetingTitle} /> : null}
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {recordings.length === RECORDING_LIST_LIMIT ? (
            <p className="px-4 py-3 text-sm text-slate-600">
              Showing the newest {RECORDING_LIST_LIMIT}. Narrow the dates to see older ones.
            </p>
          ) : null}
        </Card>
      )}
      {isAdmin ? (
        <Card className="mt-8">
          <CardHeader
            title="Retention"
            description="Expired recordings are deleted through Sautikit by a daily sweep, and the deletion is audited."
          />
          <CardBody>
            <RetentionForm retentionDays={retentionDays} />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
