import { getTranslations } from "next-intl/server";
import { Spinner } from "@/components/ui/spinner";

// Shown while a signed-in page renders on the server (a slow Sautikit read, a big list).
export default async function Loading() {
  const t = await getTranslations("Loading");
  return (
    <div className="flex justify-center py-16 text-slate-500" data-testid="page-loading">
      <Spinner className="h-6 w-6" label={t("label")} />
    </div>
  );
}
