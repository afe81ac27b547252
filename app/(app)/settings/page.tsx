import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Settings", "title");

export default async function SettingsPage() {
  const actor = await requireActor({ admin: true });
  const [t, tp] = await Promise.all([getTranslations("Settings"), getTranslations("PrivacySettings")]);
  const sections = [
    { href: "/settings/members", title: t("membersTitle"), description: t("membersDescription") },
    { href: "/settings/sautikit", title: t("sautikitTitle"), description: t("sautikitDescription") },
    { href: "/settings/limits", title: t("limitsTitle"), description: t("limitsDescription") },
    { href: "/settings/privacy", title: tp("cardTitle"), description: tp("cardDescription") },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { workspace: actor.workspaceName })} />
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
