"use server";

import { revalidatePath } from "next/cache";
import { type Actor, requireActor } from "@/lib/auth/actor";
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

/**
 * One admin change on this page: re-checks the session and role, runs `change` on the actor's
 * workspace, refreshes the page and says what happened (or why not). After a refusal the page is
 * refreshed too when `refreshOnError` (a failed check records the connection's new status), and
 * `values` are echoed back so the form keeps what was typed.
 */
async function adminChange(
  change: (actor: Actor) => Promise<string | { error: string }>,
  options: { refreshOnError?: boolean; values?: Record<string, string> } = {},
): Promise<FormState> {
  try {
    const actor = await requireActor({ admin: true });
    const outcome = await change(actor);
    revalidatePath(PATH);
    return typeof outcome === "string" ? { ok: true, result: { message: outcome } } : outcome;
  } catch (e) {
    if (options.refreshOnError) revalidatePath(PATH);
    return formError(e, options.values);
  }
}

export async function saveConnectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["apiBaseUrl", "apiKey"] as const);
  return adminChange(
    async (actor) => {
      const { numbers } = await saveConnection(actor, fields);
      const t = await getTranslations("SautikitSettings");
      return t("keySaved", { count: numbers });
    },
    { values: { apiBaseUrl: fields.apiBaseUrl } },
  );
}

export async function selectNumbersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["dialInNumberId", "callerIdNumberId"] as const);
  return adminChange(
    async (actor) => {
      const { routed } = await selectNumbers(actor, fields);
      const t = await getTranslations("SautikitSettings");
      return t("numbersSaved", { numbers: joinNumbers(t, routed) });
    },
    { values: fields },
  );
}

export async function testConnectionAction(_prev: FormState): Promise<FormState> {
  return adminChange(
    async (actor) => {
      const t = await testConnection(actor);
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
      return `${works} ${t.routing.status === "checked" ? tr("routingOk") : ""}`.trim();
    },
    { refreshOnError: true },
  );
}

export async function rerouteNumbersAction(_prev: FormState): Promise<FormState> {
  return adminChange(
    async (actor) => {
      const { routed } = await rerouteNumbers(actor);
      const t = await getTranslations("SautikitSettings");
      return t("rerouted", { numbers: joinNumbers(t, routed) });
    },
    { refreshOnError: true },
  );
}

export async function connectEmulatorAction(_prev: FormState): Promise<FormState> {
  return adminChange(
    async (actor) => {
      await connectToEmulator(actor);
      const t = await getTranslations("SautikitSettings");
      return t("emulatorConnected");
    },
    { refreshOnError: true },
  );
}

export async function presentDialInNumberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const on = formData.get("presentDialInNumber") === "on";
  return adminChange(async (actor) => {
    await setPresentDialInNumber(actor, on);
    const t = await getTranslations("CallerIdSetting");
    return on ? t("savedOn") : t("savedOff");
  });
}
