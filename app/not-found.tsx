import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/layout/status-page";

export async function generateMetadata() {
  const t = await getTranslations("NotFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return <StatusPage code={404} heading={t("heading")} body={t("body")} href="/" linkLabel={t("goHome")} />;
}
