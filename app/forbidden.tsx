import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";

export async function generateMetadata() {
  const t = await getTranslations("Forbidden");
  return { title: t("title") };
}

// Rendered with status 403 by forbidden() (e.g. an organiser opening an admin page).
export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center"
    >
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <Link href="/meetings" className={buttonClasses("primary", "md", "mt-6")}>
        {t("backToMeetings")}
      </Link>
    </main>
  );
}
