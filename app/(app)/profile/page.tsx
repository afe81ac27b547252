import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/session-actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { ChangePasswordForm, RenameForm } from "@/app/(app)/profile/profile-forms";

export const metadata = { title: "Your profile" };

type Props = { searchParams: Promise<{ password?: string }> };

// The signed-in user's own account, the same in every workspace. Each setting is one section, so
// another (e.g. a language choice) is one more entry in the list.
export default async function ProfilePage({ searchParams }: Props) {
  const actor = await requireActor();
  const { password } = await searchParams;
  const sections: { id: string; title: string; description: string; body: ReactNode }[] = [
    { id: "name", title: "Name", description: "How you appear to the people in your workspaces.", body: <RenameForm name={actor.name} /> },
    {
      id: "password",
      title: "Password",
      description: "Changing it signs you out everywhere else.",
      body: <ChangePasswordForm email={actor.email} />,
    },
    {
      id: "sessions",
      title: "Sessions",
      description: "Signed in on a shared or lost device? End every session of your account, on every device.",
      body: (
        <form action={signOutAction}>
          <button type="submit" className={buttonClasses("secondary", "md")} data-testid="sign-out-everywhere">
            Sign out everywhere
          </button>
        </form>
      ),
    },
  ];
  return (
    <>
      <PageHeader title="Your profile" description={actor.email} />
      {password === "changed" ? (
        <Notice tone="success" className="mb-4" testId="password-changed">
          Your password was changed. Every other session was signed out.
        </Notice>
      ) : null}
      <div className="grid max-w-2xl gap-4">
        {sections.map((s) => (
          <Card key={s.id} role="region" aria-labelledby={`profile-${s.id}`}>
            <CardHeader title={<span id={`profile-${s.id}`}>{s.title}</span>} description={s.description} />
            <CardBody>{s.body}</CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
