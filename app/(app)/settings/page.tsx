import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";

export const metadata = { title: "Settings" };

const staticSections = [
  {
    href: "/settings/members",
    title: "Members",
    description: "Invite people, change roles, remove members, issue password-reset links.",
  },
  {
    href: "/settings/sautikit",
    title: "Sautikit connection",
    description: "API key, dial-in and caller-ID numbers, connection test.",
  },
];

export default async function SettingsPage() {
  const actor = await requireActor({ admin: true });
  const tp = await getTranslations("PrivacySettings");
  const sections = [
    ...staticSections,
    { href: "/settings/privacy", title: tp("cardTitle"), description: tp("cardDescription") },
  ];
  return (
    <>
      <PageHeader title="Settings" description={`Administration of ${actor.workspaceName}.`} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.href}>
            <Card className="h-full transition-shadow hover:shadow-md">
              <CardBody>
                <h2 className="text-base font-semibold">
                  <Link href={s.href} className="text-slate-900 after:absolute after:inset-0 hover:text-brand-700">
                    {s.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-slate-600">{s.description}</p>
              </CardBody>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
