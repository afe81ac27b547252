import { getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FilterActions } from "@/components/ui/log-controls";

type Options = {
  meetings: { id: string; title: string; startsAt: string }[];
  organisers: { id: string; name: string }[];
};
type Values = { from?: string; to?: string; meetingId?: string; organiserId?: string };

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function RecordingFilters({
  options,
  values,
  showOrganiser,
}: {
  options: Options;
  values: Values;
  showOrganiser: boolean;
}) {
  const t = await getTranslations("RecordingFilters");
  return (
    <form method="get" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label={t("label")}>
      <Field id="rec-from" label={t("from")}>
        <Input type="date" name="from" defaultValue={values.from ?? ""} />
      </Field>
      <Field id="rec-to" label={t("to")}>
        <Input type="date" name="to" defaultValue={values.to ?? ""} />
      </Field>
      <Field id="rec-meeting" label={t("meeting")}>
        <Select name="meetingId" defaultValue={values.meetingId ?? ""}>
          <option value="">{t("allMeetings")}</option>
          {options.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({m.startsAt.slice(0, 10)})
            </option>
          ))}
        </Select>
      </Field>
      {showOrganiser ? (
        <Field id="rec-organiser" label={t("organiser")}>
          <Select name="organiserId" defaultValue={values.organiserId ?? ""}>
            <option value="">{t("everyone")}</option>
            {options.organisers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="flex gap-2">
        <FilterActions clearHref="/recordings" filter={t("filter")} clear={t("clear")} />
      </div>
    </form>
  );
}
