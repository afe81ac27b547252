import { getTranslations } from "next-intl/server";
import { FormCard } from "@/components/layout/form-card";
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
      <FormCard className="max-w-lg" namespaces={["NewWorkspace"]}>
        <CreateWorkspaceForm />
      </FormCard>
    </>
  );
}
