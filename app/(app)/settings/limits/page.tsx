import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getLimitSettings } from "@/lib/workspaces/meeting-limits";
import { LimitsForm } from "@/app/(app)/settings/limits/limits-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("LimitSettings", "title");

export default async function LimitsPage() {
  const actor = await requireActor({ admin: true });
  const [limits, t] = await Promise.all([getLimitSettings(actor), getTranslations("LimitSettings")]);
  return (
    <>
      <BackLink href="/settings" label={t("back")} />
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardBody className="space-y-4">
          <ClientIntl namespaces={["LimitSettings"]}>
            <LimitsForm initial={limits} />
          </ClientIntl>
          <p className="text-sm text-slate-600">{t("alone")}</p>
        </CardBody>
      </Card>
    </>
  );
}
