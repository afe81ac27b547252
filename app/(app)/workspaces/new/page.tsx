import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { CreateWorkspaceForm } from "@/app/(app)/workspaces/new/create-workspace-form";

export const metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  await requireActor();
  return (
    <>
      <PageHeader
        title="New workspace"
        description="You will be its admin. Its meetings, members and Sautikit account are separate from your other workspaces."
      />
      <Card className="max-w-lg">
        <CardBody>
          <CreateWorkspaceForm />
        </CardBody>
      </Card>
    </>
  );
}
