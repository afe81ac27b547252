import { getTranslations } from "next-intl/server";
import { FormCard } from "@/components/layout/form-card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { getPhoneVisibility } from "@/lib/privacy/phone-visibility";
import { PhoneVisibilityForm } from "@/app/(app)/settings/privacy/phone-visibility-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("PrivacySettings", "title");

export default async function PrivacySettingsPage() {
  const actor = await requireActor({ admin: true });
  const [current, t] = await Promise.all([getPhoneVisibility(actor), getTranslations("PrivacySettings")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { workspace: actor.workspaceName })} />
      <FormCard className="max-w-2xl" namespaces={["PrivacySettings"]}>
        <PhoneVisibilityForm current={current} />
      </FormCard>
    </>
  );
}
