import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { CreateWorkspaceForm } from "@/app/(app)/workspaces/new/create-workspace-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("NewWorkspace", "title");

export default async function NewWorkspacePage() {
  await requireActor();
  const t = await getTranslations("NewWorkspace");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="max-w-lg">
        <CardBody>
          <ClientIntl namespaces={["NewWorkspace"]}>
            <CreateWorkspaceForm />
          </ClientIntl>
        </CardBody>
      </Card>
    </>
  );
}
