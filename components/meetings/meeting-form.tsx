"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { CallOptionsFields, type CallOptions } from "@/components/meetings/call-options-fields";
import { useApiAction } from "@/components/ui/use-api-action";
import { api, ApiError, type MeetingBody } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { formatInZone, utcToZonedWallTime, zonedWallTimeToUtc } from "@/lib/shared/meeting-time";
import { currentZoneName, timeZoneChoices, zoneMatches } from "@/lib/shared/time-zone-choices";
import type { MeetingView } from "@/lib/shared/meeting-view-types";

type Values = {
  title: string;
  agenda: string;
  wallTime: string;
  timeZone: string;
  durationMinutes: string;
  recurrence: string;
  capacity: string;
  language: string;
  waitForHost: boolean;
  endOnHostExit: boolean;
  beep: boolean;
  record: boolean;
  callMeBack: boolean;
  confirmAnswer: boolean;
  redialOnDrop: boolean;
} & CallOptions;

function initialValues(meeting?: MeetingView): Values {
  const timeZone = meeting?.timeZone ?? "Africa/Nairobi";
  const start = meeting ? new Date(meeting.startsAt) : new Date(Math.ceil((Date.now() + 3600_000) / 900_000) * 900_000);
  return {
    title: meeting?.title ?? "",
    agenda: meeting?.agenda ?? "",
    wallTime: utcToZonedWallTime(start, timeZone),
    timeZone,
    durationMinutes: String(meeting?.durationMinutes ?? 30),
    recurrence: meeting?.recurrence ?? "none",
    capacity: String(meeting?.capacity ?? 50),
    language: meeting?.language ?? "en",
    waitForHost: meeting?.waitForHost ?? true,
    endOnHostExit: meeting?.endOnHostExit ?? true,
    beep: meeting?.beep ?? true,
    record: meeting?.record ?? false,
    callMeBack: meeting?.callMeBack ?? false,
    confirmAnswer: meeting?.confirmAnswer ?? true,
    redialOnDrop: meeting?.redialOnDrop ?? true,
    callAtStart: meeting?.callAtStart ?? false,
    remindByCall: meeting?.remindByCall ?? false,
    reminderMinutes: String(meeting?.reminderMinutes ?? 10),
  };
}

/** Create or edit a meeting. Times are entered in the meeting's zone and echoed in the viewer's. */
export function MeetingForm({ meeting }: { meeting?: MeetingView }) {
  const router = useRouter();
  const t = useT("MeetingForm");
  const [v, setV] = useState<Values>(() => initialValues(meeting));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { busy, run } = useApiAction();
  // Zone lists differ between server and browser builds of ICU: fill the list after hydration.
  const [available, setAvailable] = useState<readonly string[]>([]);
  const [viewerZone, setViewerZone] = useState(v.timeZone);
  const [zoneQuery, setZoneQuery] = useState("");
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser-only values, read after hydration
    setAvailable(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"]);
    setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);
  const zones = timeZoneChoices(available, [viewerZone, v.timeZone]);
  // The search narrows both groups; the chosen zone always stays, so the select keeps its value.
  const shown = (list: string[]) => list.filter((z) => z === currentZoneName(v.timeZone) || zoneMatches(z, zoneQuery));
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((cur) => ({ ...cur, [k]: value }));

  let startsAt: Date | null = null;
  try {
    startsAt = v.wallTime ? zonedWallTimeToUtc(v.wallTime, v.timeZone) : null;
  } catch {
    startsAt = null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    if (!startsAt) {
      setErrors({ startsAt: t("invalidStart") });
      return;
    }
    // The selects offer only the schema's values.
    const body: MeetingBody = {
      title: v.title,
      agenda: v.agenda,
      startsAt: startsAt.toISOString(),
      timeZone: v.timeZone,
      durationMinutes: Number(v.durationMinutes),
      recurrence: v.recurrence as MeetingBody["recurrence"],
      capacity: Number(v.capacity),
      language: v.language as MeetingBody["language"],
      waitForHost: v.waitForHost,
      endOnHostExit: v.endOnHostExit,
      beep: v.beep,
      record: v.record,
      callMeBack: v.callMeBack,
      confirmAnswer: v.confirmAnswer,
      redialOnDrop: v.redialOnDrop,
      callAtStart: v.callAtStart,
      remindByCall: v.remindByCall,
      reminderMinutes: Number(v.reminderMinutes),
    };
    await run("save", () => (meeting ? api.meetings.edit(meeting.id, body) : api.meetings.schedule(body)), {
      then: (res) => {
        router.push(`/meetings/${res.meeting.id}`);
        router.refresh();
      },
      // The page is leaving: the button stays busy until it has.
      stayBusy: true,
      failed: t("saveFailed"),
      onError: (message, err) => {
        if (err instanceof ApiError && err.details?.length) {
          setErrors(Object.fromEntries(err.details.map((d) => [d.path, d.message])));
        }
        setFormError(message);
      },
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-6"
      aria-describedby={formError ? "meeting-form-error" : undefined}
    >
      {formError ? (
        <div id="meeting-form-error">
          <Notice tone="error" title={t("notSaved")}>
            {formError}
          </Notice>
        </div>
      ) : null}
      <Field id="title" label={t("title")} error={errors.title}>
        <Input value={v.title} onChange={(e) => set("title", e.target.value)} required maxLength={120} />
      </Field>
      <Field id="agenda" label={t("agenda")} hint={t("agendaHint")} error={errors.agenda}>
        <Textarea value={v.agenda} onChange={(e) => set("agenda", e.target.value)} maxLength={4000} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="startsAt"
          label={t("startsAt")}
          error={errors.startsAt}
          hint={
            startsAt && viewerZone !== v.timeZone
              ? t("yourTime", { time: formatInZone(startsAt, viewerZone) })
              : undefined
          }
        >
          <Input type="datetime-local" value={v.wallTime} onChange={(e) => set("wallTime", e.target.value)} required />
        </Field>
        <div className="space-y-2">
          <Field id="timeZoneSearch" label={t("findZone")} hint={t("findZoneHint")}>
            <Input type="search" value={zoneQuery} onChange={(e) => setZoneQuery(e.target.value)} autoComplete="off" />
          </Field>
          <Field id="timeZone" label={t("timeZone")} error={errors.timeZone}>
            <Select value={currentZoneName(v.timeZone)} onChange={(e) => set("timeZone", e.target.value)}>
              {zoneGroup(t("suggestedZones"), shown(zones.first))}
              {zoneGroup(t("allZones"), shown(zones.rest))}
            </Select>
          </Field>
        </div>
        <Field id="durationMinutes" label={t("duration")} error={errors.durationMinutes}>
          <Input
            type="number"
            min={5}
            max={1440}
            value={v.durationMinutes}
            onChange={(e) => set("durationMinutes", e.target.value)}
          />
        </Field>
        <Field id="recurrence" label={t("repeats")} error={errors.recurrence}>
          <Select value={v.recurrence} onChange={(e) => set("recurrence", e.target.value)}>
            <option value="none">{t("doesNotRepeat")}</option>
            <option value="weekly">{t("everyWeek")}</option>
          </Select>
        </Field>
        <Field id="capacity" label={t("capacity")} error={errors.capacity}>
          <Input type="number" min={2} max={200} value={v.capacity} onChange={(e) => set("capacity", e.target.value)} />
        </Field>
        <Field id="language" label={t("promptLanguage")} error={errors.language}>
          <Select value={v.language} onChange={(e) => set("language", e.target.value)}>
            <option value="en">English</option>
            <option value="sw">Kiswahili</option>
          </Select>
        </Field>
      </div>
      <CheckboxGroup
        legend={t("settings")}
        boxes={[
          { name: "waitForHost", label: t("waitForHost") },
          { name: "endOnHostExit", label: t("endOnHostExit") },
          { name: "beep", label: t("beep") },
          { name: "record", label: t("record") },
          { name: "callMeBack", label: t("callMeBack") },
          { name: "confirmAnswer", label: t("confirmAnswer") },
          { name: "redialOnDrop", label: t("redialOnDrop") },
        ]}
        values={v}
        onChange={set}
      />
      <CallOptionsFields
        values={v}
        onChange={(k, value) => setV((cur) => ({ ...cur, [k]: value }))}
        error={errors.reminderMinutes}
      />
      <div className="flex gap-3">
        <Button type="submit" pending={busy !== null} pendingLabel={t("saving")}>
          {meeting ? t("saveChanges") : t("schedule")}
        </Button>
        <Button variant="ghost" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function zoneGroup(label: string, zones: string[]) {
  return (
    <optgroup label={label}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, " ")}
        </option>
      ))}
    </optgroup>
  );
}
