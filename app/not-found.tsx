import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/layout/status-page";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("NotFound", "title");

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return <StatusPage code={404} heading={t("heading")} body={t("body")} href="/" linkLabel={t("goHome")} />;
}
