"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { formError, formFields, type FormState } from "@/lib/http/form-state";
import { setPhoneVisibility } from "@/lib/privacy/phone-visibility";

export async function phoneVisibilityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["phoneVisibility"] as const);
  const actor = await requireActor({ admin: true });
  try {
    const saved = await setPhoneVisibility(actor, fields);
    revalidatePath("/settings/privacy");
    return { ok: true, result: { phoneVisibility: saved.phoneVisibility } };
  } catch (e) {
    return formError(e, fields);
  }
}
