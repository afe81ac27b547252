import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/layout/status-page";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Forbidden", "title");

// Rendered with status 403 by forbidden() (e.g. an organiser opening an admin page).
export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
  return (
    <StatusPage code={403} heading={t("heading")} body={t("body")} href="/meetings" linkLabel={t("backToMeetings")} />
  );
}
