import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireActor } from "@/lib/auth/actor";
import { cn } from "@/components/ui/cn";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/i18n/locale-actions";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { signOutAction } from "@/lib/auth/session-actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { ChangePasswordForm, RenameForm } from "@/app/(app)/profile/profile-forms";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Profile", "title");

type Props = { searchParams: Promise<{ password?: string }> };

// The signed-in user's own account, the same in every workspace. Each setting is one section, so
// another is one more entry in the list.
export default async function ProfilePage({ searchParams }: Props) {
  const actor = await requireActor();
  const { password } = await searchParams;
  const [t, user, locale] = await Promise.all([getTranslations("Profile"), getSessionUser(), resolveLocale()]);
  const chosen = isLocale(user?.locale) ? user.locale : "auto";
  const sections: { id: string; title: string; description: string; body: ReactNode }[] = [
    { id: "name", title: t("nameTitle"), description: t("nameDescription"), body: <RenameForm name={actor.name} /> },
    {
      id: "language",
      title: t("languageTitle"),
      description: t("languageDescription"),
      body: (
        <form action={setLocaleAction} className="space-y-3">
          <fieldset className="flex flex-wrap gap-2">
            <legend className="sr-only">{t("languageTitle")}</legend>
            {[...LOCALES, "auto" as const].map((l) => (
              <button
                key={l}
                type="submit"
                name="locale"
                value={l}
                lang={l === "auto" ? undefined : l}
                aria-pressed={l === chosen}
                data-testid={`profile-language-${l}`}
                className={cn(
                  buttonClasses("secondary", "md"),
                  l === chosen && "bg-brand-50 font-semibold text-brand-800 ring-brand-300",
                )}
              >
                {l === "auto" ? t("languageBrowser") : LOCALE_NAMES[l]}
              </button>
            ))}
          </fieldset>
          <p className="text-sm text-slate-600" data-testid="profile-language-current">
            {t("languageCurrent", { choice: chosen === "auto" ? "auto" : "chosen", language: LOCALE_NAMES[locale] })}
          </p>
        </form>
      ),
    },
    {
      id: "password",
      title: t("passwordTitle"),
      description: t("passwordDescription"),
      body: <ChangePasswordForm email={actor.email} />,
    },
    {
      id: "sessions",
      title: t("sessionsTitle"),
      description: t("sessionsDescription"),
      body: (
        <form action={signOutAction}>
          <button type="submit" className={buttonClasses("secondary", "md")} data-testid="sign-out-everywhere">
            {t("signOutEverywhere")}
          </button>
        </form>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={actor.email} />
      {password === "changed" ? (
        <Notice tone="success" className="mb-4" testId="password-changed">
          {t("passwordChanged")}
        </Notice>
      ) : null}
      <ClientIntl namespaces={["ProfileForms"]}>
        <div className="grid max-w-2xl gap-4">
          {sections.map((s) => (
            <Card key={s.id} role="region" aria-labelledby={`profile-${s.id}`}>
              <CardHeader title={<span id={`profile-${s.id}`}>{s.title}</span>} description={s.description} />
              <CardBody>{s.body}</CardBody>
            </Card>
          ))}
        </div>
      </ClientIntl>
    </>
  );
}
