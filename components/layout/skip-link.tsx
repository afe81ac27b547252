import { getTranslations } from "next-intl/server";

export async function SkipLink({ target = "main" }: { target?: string }) {
  const t = await getTranslations("Shell");
  return (
    <a
      href={`#${target}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow"
    >
      {t("skipToMain")}
    </a>
  );
}
