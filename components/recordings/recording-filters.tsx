import { buttonClasses } from "@/components/ui/button-classes";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

type Options = {
  meetings: { id: string; title: string; startsAt: string }[];
  organisers: { id: string; name: string }[];
};
type Values = { from?: string; to?: string; meetingId?: string; organiserId?: string };

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function RecordingFilters({
  options,
  values,
  showOrganiser,
}: {
  options: Options;
  values: Values;
  showOrganiser: boolean;
}) {
  return (
    <form
      method="get"
      className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      aria-label="Filter recordings"
    >
      <Field id="rec-from" label="From">
        <Input type="date" name="from" defaultValue={values.from ?? ""} />
      </Field>
      <Field id="rec-to" label="To">
        <Input type="date" name="to" defaultValue={values.to ?? ""} />
      </Field>
      <Field id="rec-meeting" label="Meeting">
        <Select name="meetingId" defaultValue={values.meetingId ?? ""}>
          <option value="">All meetings</option>
          {options.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({m.startsAt.slice(0, 10)})
            </option>
          ))}
        </Select>
      </Field>
      {showOrganiser ? (
        <Field id="rec-organiser" label="Organiser">
          <Select name="organiserId" defaultValue={values.organiserId ?? ""}>
            <option value="">Everyone</option>
            {options.organisers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        <a href="/recordings" className={buttonClasses("ghost")}>
          Clear
        </a>
      </div>
    </form>
  );
}
