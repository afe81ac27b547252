"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { formError, formFields, type FormState } from "@/lib/http/form-state";
import {
  connectToEmulator,
  rerouteNumbers,
  saveConnection,
  selectNumbers,
  setPresentDialInNumber,
  testConnection,
} from "@/lib/sautikit/manage-connection";
import { describeProblems } from "@/lib/shared/routing-problems";
import { getLocale, getTranslations } from "next-intl/server";
import type { Translator } from "@/lib/i18n/translator";
import { getFormat } from "@/lib/i18n/get-format";

// Admin-only: each action re-checks the session and role; the domain functions work only on the
// actor's own workspace. The API key is never echoed back into the form.
const PATH = "/settings/sautikit";

/** "+254… and +254…" in the reader's language. */
function joinNumbers(t: Translator<"SautikitSettings">, routed: { e164: string }[]): string {
  return routed.map((r) => r.e164).reduce((a, b) => t("and", { a, b }));
}

export async function saveConnectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["apiBaseUrl", "apiKey"] as const);
  try {
    const actor = await requireActor({ admin: true });
    const { numbers } = await saveConnection(actor, fields);
    revalidatePath(PATH);
    const t = await getTranslations("SautikitSettings");
    return { ok: true, result: { message: t("keySaved", { count: numbers }) } };
  } catch (e) {
    return formError(e, { apiBaseUrl: fields.apiBaseUrl });
  }
}

export async function selectNumbersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["dialInNumberId", "callerIdNumberId"] as const);
  try {
    const actor = await requireActor({ admin: true });
    const { routed } = await selectNumbers(actor, fields);
    revalidatePath(PATH);
    const t = await getTranslations("SautikitSettings");
    return { ok: true, result: { message: t("numbersSaved", { numbers: joinNumbers(t, routed) }) } };
  } catch (e) {
    return formError(e, fields);
  }
}

export async function testConnectionAction(_prev: FormState): Promise<FormState> {
  try {
    const actor = await requireActor({ admin: true });
    const t = await testConnection(actor);
    revalidatePath(PATH);
    const [tr, ts, locale, fmt] = await Promise.all([
      getTranslations("SautikitStatus"),
      getTranslations("SautikitSettings"),
      getLocale(),
      getFormat(),
    ]);
    const balance =
      t.currency === "KES" ? fmt.kes(t.balanceMinor) : `${t.currency} ${fmt.number(t.balanceMinor / 100)}`;
    const works = ts("keyWorks", { count: t.numbers, balance });
    if (t.routing.status === "checked" && t.routing.problems.length > 0)
      return {
        error: `${works} ${tr("routingMismatch")}: ${describeProblems(t.routing.problems, locale)}. ${tr("routingMismatchHelp")}`,
      };
    return {
      ok: true,
      result: { message: `${works} ${t.routing.status === "checked" ? tr("routingOk") : ""}`.trim() },
    };
  } catch (e) {
    revalidatePath(PATH);
    return formError(e);
  }
}

export async function rerouteNumbersAction(_prev: FormState): Promise<FormState> {
  try {
    const actor = await requireActor({ admin: true });
    const { routed } = await rerouteNumbers(actor);
    revalidatePath(PATH);
    const t = await getTranslations("SautikitSettings");
    return { ok: true, result: { message: t("rerouted", { numbers: joinNumbers(t, routed) }) } };
  } catch (e) {
    revalidatePath(PATH);
    return formError(e);
  }
}

export async function connectEmulatorAction(_prev: FormState): Promise<FormState> {
  try {
    const actor = await requireActor({ admin: true });
    await connectToEmulator(actor);
    revalidatePath(PATH);
    const t = await getTranslations("SautikitSettings");
    return { ok: true, result: { message: t("emulatorConnected") } };
  } catch (e) {
    revalidatePath(PATH);
    return formError(e);
  }
}

export async function presentDialInNumberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor({ admin: true });
    const on = formData.get("presentDialInNumber") === "on";
    await setPresentDialInNumber(actor, on);
    revalidatePath(PATH);
    const t = await getTranslations("CallerIdSetting");
    return { ok: true, result: { message: on ? t("savedOn") : t("savedOff") } };
  } catch (e) {
    return formError(e);
  }
}
