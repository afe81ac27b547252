import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PHONE_KEYS } from "@/lib/shared/phone-keys";

/** The "Phone keys" section: the one key map (lib/shared/phone-keys.ts), everyone's keys then the host's. */
export async function PhoneKeysSection() {
  const t = await getTranslations("PhoneKeys");
  const groups = [
    { label: t("everyone"), keys: PHONE_KEYS.filter((k) => !k.hostOnly) },
    { label: t("hostsOnly"), keys: PHONE_KEYS.filter((k) => k.hostOnly) },
  ];
  return (
    <Card>
      <CardHeader title={t("title")} description={t("intro")} />
      <CardBody>
        <div className="grid gap-6 sm:grid-cols-2" data-testid="phone-keys">
          {groups.map((g) => (
            <table key={g.label} className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-medium text-slate-700">{g.label}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">{t("keyColumn")}</th>
                  <th scope="col">{t("whatColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {g.keys.map((k) => (
                  <tr key={k.keys} className="border-t border-slate-100">
                    <th scope="row" className="w-14 py-1.5 font-mono font-semibold">
                      {k.keys}
                    </th>
                    <td className="py-1.5">{t(`actions.${k.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </CardBody>
    </Card>
  );
}
