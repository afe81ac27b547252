import { getTranslations } from "next-intl/server";
import { FormCard } from "@/components/layout/form-card";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { DataCard } from "@/components/ui/data-table";
import { MeetingLink } from "@/components/meetings/meeting-link";
import { flatten, type SearchParamsProps } from "@/components/admin/query-links";
import { DeleteRecordingButton } from "@/components/recordings/delete-recording-button";
import { RecordingFilters } from "@/components/recordings/recording-filters";
import { RecordingPlayer } from "@/components/recordings/recording-player";
import { RetentionForm } from "@/components/recordings/retention-form";
import { getFormat } from "@/lib/i18n/get-format";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import {
  listRecordings,
  RECORDING_LIST_LIMIT,
  recordingFilterOptions,
  recordingFiltersSchema,
} from "@/lib/recordings/list-recordings";
import { getRetention } from "@/lib/recordings/retention";
import { apiUrls } from "@/lib/shared/api-urls";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Recordings", "title");

export const dynamic = "force-dynamic";

export default async function RecordingsPage({ searchParams }: SearchParamsProps) {
  const actor = await requireActor();
  const parsed = recordingFiltersSchema.safeParse(flatten(await searchParams));
  const filters = parsed.success ? parsed.data : {};
  const isAdmin = actor.role === "admin";
  const [recordings, options, retentionDays, t, fmt] = await Promise.all([
    listRecordings(actor, filters),
    recordingFilterOptions(actor),
    isAdmin ? getRetention(actor) : Promise.resolve(null),
    getTranslations("Recordings"),
    getFormat(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={isAdmin ? t("descriptionAdmin") : t("descriptionOrganiser")} />
      {!parsed.success ? (
        <Notice tone="error" className="mb-4" testId="filter-error">
          {t("filtersInvalid")}
        </Notice>
      ) : null}
      <RecordingFilters options={options} values={parsed.success ? filters : {}} showOrganiser={isAdmin} />
      <ClientIntl namespaces={["RecordingPlayer", "DeleteRecording"]}>
        <DataCard
          empty={<EmptyState title={t("emptyTitle")} description={t("emptyBody")} />}
          caption={t("title")}
          rows={recordings}
          rowKey={(r) => r.id}
          rowProps={(r) => ({ "data-testid": "recording-row", "data-recording-id": r.id })}
          columns={[
            {
              header: t("meeting"),
              cell: (r) => (
                <>
                  <MeetingLink id={r.meetingId} title={r.meetingTitle} />
                  <div className="text-xs text-slate-500">{t("organisedBy", { name: r.organiserName })}</div>
                </>
              ),
            },
            { header: t("recorded"), className: "whitespace-nowrap", cell: (r) => fmt.dateTime(r.createdAt) },
            {
              header: t("length"),
              align: "right",
              cell: (r) => (
                <>
                  {r.durationSeconds === null ? "—" : fmt.duration(r.durationSeconds)}
                  <div className="text-xs text-slate-500">{fmt.bytes(r.sizeBytes)}</div>
                </>
              ),
            },
            { header: t("people"), align: "right", cell: (r) => r.participants },
            { header: t("listen"), cell: (r) => <RecordingPlayer recordingId={r.id} label={r.meetingTitle} /> },
            {
              header: t("actions"),
              srOnly: true,
              cell: (r) => (
                <div className="flex justify-end gap-2">
                  <a
                    href={apiUrls.recordingDownload(r.id)}
                    className={buttonClasses("secondary", "sm")}
                    download
                    data-testid="recording-download"
                  >
                    {t("download")}
                  </a>
                  {isAdmin ? <DeleteRecordingButton recordingId={r.id} label={r.meetingTitle} /> : null}
                </div>
              ),
            },
          ]}
          footer={
            recordings.length === RECORDING_LIST_LIMIT ? (
              <p className="px-4 py-3 text-sm text-slate-600">{t("showingNewest", { count: RECORDING_LIST_LIMIT })}</p>
            ) : null
          }
        />
      </ClientIntl>
      {isAdmin ? (
        <FormCard
          className="mt-8"
          namespaces={["Retention"]}
          title={t("retentionTitle")}
          description={t("retentionDescription")}
        >
          <RetentionForm retentionDays={retentionDays} />
        </FormCard>
      ) : null}
    </>
  );
}
