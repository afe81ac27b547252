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

// Admin-only: each action re-checks the session and role; the domain functions work only on the
// actor's own workspace. The API key is never echoed back into the form.
const PATH = "/settings/sautikit";

export async function saveConnectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["apiBaseUrl", "apiKey"] as const);
  try {
    const actor = await requireActor({ admin: true });
    const { numbers } = await saveConnection(actor, fields);
    revalidatePath(PATH);
    return {
      ok: true,
      result: {
        message: `Key saved. The account has ${numbers} number${numbers === 1 ? "" : "s"}; pick the dial-in and caller-ID numbers below.`,
      },
    };
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
    return {
      ok: true,
      result: { message: `Saved. Routed ${routed.map((r) => r.e164).join(" and ")} to this workspace.` },
    };
  } catch (e) {
    return formError(e, fields);
  }
}

export async function testConnectionAction(_prev: FormState): Promise<FormState> {
  try {
    const actor = await requireActor({ admin: true });
    const t = await testConnection(actor);
    revalidatePath(PATH);
    const [tr, locale] = await Promise.all([getTranslations("SautikitStatus"), getLocale()]);
    const balance = (t.balanceMinor / 100).toLocaleString("en-KE", { minimumFractionDigits: 2 });
    const works = `The key works: ${t.numbers} number${t.numbers === 1 ? "" : "s"}, wallet ${t.currency} ${balance}.`;
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
    return { ok: true, result: { message: `Re-routed ${routed.map((r) => r.e164).join(" and ")} to this workspace.` } };
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
    return { ok: true, result: { message: "Connected to the local emulator." } };
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
