"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useApiAction } from "@/components/ui/use-api-action";
import { api, ApiError } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { keepFailedLines, type BulkError } from "@/lib/shared/bulk-lines";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import { phoneSyntaxError } from "@/lib/shared/phone-syntax";

/** Add one person, or paste many "name, number" lines. */
export function AddParticipants({ meetingId, onAdded }: { meetingId: string; onAdded: () => void }) {
  const t = useT("AddPeople");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [role, setRole] = useState<ParticipantRole>("participant");
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Two hooks: adding one person and pasting many are separate forms, each with its own busy state.
  const one = useApiAction();
  const many = useApiAction();
  const [bulk, setBulk] = useState("");
  const [bulkErrors, setBulkErrors] = useState<BulkError[]>([]);

  async function addOne(e: FormEvent) {
    e.preventDefault();
    if (one.busy) return;
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t("nameRequired");
    // Only the syntax here: whether the number exists in a numbering plan is the server's call,
    // and its answer lands on the same field (details[].path === "phone").
    const phoneError = phoneSyntaxError(phone);
    if (phoneError)
      local.phone = phoneError.key === "phoneRequired" ? t("phoneRequired") : t("phoneChars", phoneError.params);
    setErrors(local);
    if (Object.keys(local).length) return;
    const sent = { name, phone, role };
    await one.run("add", () => api.participants.add(meetingId, sent), {
      done: () => t("added", { name: sent.name.trim() }),
      then: () => {
        // Clear only what was sent: whatever was typed while the request was out is the next person.
        setName((now) => (now === sent.name ? "" : now));
        setPhone((now) => (now === sent.phone ? "" : now));
        setRole((now) => (now === sent.role ? "participant" : now));
        onAdded();
      },
      failed: t("failed"),
      onError: (msg, err) => {
        setErrors(
          err instanceof ApiError && err.details?.length
            ? Object.fromEntries(err.details.map((d) => [d.path, d.message]))
            : { form: msg },
        );
        if (err instanceof ApiError && err.code === "CONFLICT") setErrors({ phone: msg });
      },
    });
  }

  async function addMany(e: FormEvent) {
    e.preventDefault();
    if (many.busy) return;
    const sent = bulk;
    await many.run("add-many", () => api.participants.addMany(meetingId, sent), {
      failed: t("failed"),
      then: (res) => {
        // A paste with refused lines is announced as an error, so it is not missed.
        many.announce(
          t("bulkResult", { added: res.added, errors: res.errors.length }),
          res.errors.length ? "error" : "info",
        );
        // Keep only the lines that failed (renumbered), so they can be fixed and added again; if the
        // box was edited while the request was out, leave the edit alone.
        const kept = keepFailedLines(sent, res.errors);
        setBulk((now) => (now === sent ? kept.text : now));
        setBulkErrors(kept.errors);
        if (res.added) onAdded();
      },
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={addOne} noValidate className="space-y-3" aria-label={t("addOne")}>
        <h3 className="text-sm font-semibold text-slate-900">{t("addPerson")}</h3>
        {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
        <Field id="participant-name" label={t("name")} error={errors.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="off" />
        </Field>
        <Field id="participant-phone" label={t("phone")} hint={t("phoneHint")} error={errors.phone}>
          <Input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="off" />
        </Field>
        <Field id="participant-role" label={t("role")} error={errors.role}>
          <Select value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            <option value="participant">{t("roleParticipant")}</option>
            <option value="host">{t("roleHost")}</option>
            <option value="listener">{t("roleListener")}</option>
          </Select>
        </Field>
        <Button type="submit" pending={one.busy !== null} pendingLabel={t("adding")}>
          {t("add")}
        </Button>
      </form>
      <form onSubmit={addMany} noValidate className="space-y-3" aria-label={t("pasteMany")}>
        <h3 className="text-sm font-semibold text-slate-900">{t("pasteHeading")}</h3>
        <Field id="bulk-paste" label={t("perLine")} hint={t("perLineHint")}>
          <Textarea
            value={bulk}
            onChange={(e) => setBulk(e.target.value)}
            rows={6}
            placeholder={"Amina Odhiambo, 0712 345 678\nJuma Kariuki, +254 722 000 111, listener"}
          />
        </Field>
        {bulkErrors.length ? (
          <Notice tone="warning" title={t("someFailed")} testId="bulk-errors">
            <ul className="list-disc pl-5">
              {bulkErrors.map((x) => (
                <li key={x.line}>{t("line", { line: x.line, message: x.message })}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        <Button
          type="submit"
          variant="secondary"
          pending={many.busy !== null}
          pendingLabel={t("adding")}
          disabled={!bulk.trim()}
        >
          {t("addAll")}
        </Button>
      </form>
    </div>
  );
}
