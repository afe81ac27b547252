import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { getFormat } from "@/lib/i18n/get-format";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { getConnectionOverview } from "@/lib/sautikit/connection-overview";
import {
  ApiKeyForm,
  ConnectEmulatorButton,
  ConnectionButtons,
  NumbersForm,
} from "@/app/(app)/settings/sautikit/connection-forms";
import type { ConnectionOverview } from "@/lib/sautikit/connection-overview";
import { CallerIdForm } from "@/app/(app)/settings/sautikit/caller-id-form";
import { describeProblem } from "@/lib/shared/routing-problems";
import { getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("SautikitSettings", "title");
export const dynamic = "force-dynamic";

const statusTone: Record<string, BadgeTone> = {
  connected: "success",
  pending: "warning",
  needs_numbers: "warning",
  error: "danger",
};

export default async function SautikitSettingsPage() {
  const actor = await requireActor({ admin: true });
  const [t, ts, tc, locale, fmt] = await Promise.all([
    getTranslations("SautikitStatus"),
    getTranslations("SautikitSettings"),
    getTranslations("CallerIdSetting"),
    resolveLocale(),
    getFormat(),
  ]);
  const o = await getConnectionOverview(actor, locale);
  const c = o.connection;
  const mismatch = o.routing && o.routing.problems.length > 0 ? o.routing.problems : null;
  const status = !c
    ? { label: ts("status", { status: "none" }), tone: "danger" as const }
    : mismatch
      ? { label: t("statusMismatch"), tone: "danger" as const }
      : { label: ts("status", { status: c.status }), tone: statusTone[c.status] ?? ("neutral" as const) };
  const wallet = o.live?.wallet;

  return (
    <>
      <PageHeader
        title={ts("title")}
        description={ts("description")}
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <ClientIntl namespaces={["ConnectionForms", "SautikitStatus", "CallerIdSetting"]}>
        <div className="space-y-6">
          {o.localMode ? (
            <Notice tone="info" title={ts("localTitle")}>
              {ts("localBody")}{" "}
              <a className="font-medium underline" href={o.emulatorConsoleUrl ?? "#"} target="_blank" rel="noreferrer">
                {ts("openConsole")}
              </a>{" "}
              {ts("localBodyEnd")}
            </Notice>
          ) : null}
          {!c ? (
            <Notice tone="warning" title={ts("notConnectedTitle")} testId="sk-not-connected">
              {ts("notConnectedBody", { local: String(o.localMode) })}
            </Notice>
          ) : null}
          {mismatch ? (
            <Notice tone="error" title={t("routingMismatch")} testId="sk-routing-mismatch">
              <p>{t("routingMismatchHelp")}</p>
              <ul className="mt-2 list-disc pl-5">
                {mismatch.map((p) => (
                  <li key={`${p.role}:${p.field}`}>{describeProblem(p, locale)}</li>
                ))}
              </ul>
              <div className="mt-3">
                <ConnectionButtons canReroute onlyReroute />
              </div>
            </Notice>
          ) : null}
          {c?.lastError ? (
            <Notice tone="error" title={ts("lastProblem")}>
              {c.lastError}
            </Notice>
          ) : null}
          {o.live?.error ? (
            <Notice tone="error" title={ts("unreachable")}>
              {o.live.error}
            </Notice>
          ) : null}

          <Card>
            <CardHeader
              title={ts("statusTitle")}
              description={c ? ts("statusAt", { mode: c.mode, url: c.apiBaseUrl }) : undefined}
            />
            <CardBody>
              <dl className="grid gap-4 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500">{ts("walletBalance")}</dt>
                  <dd className="mt-1 text-lg font-semibold text-slate-900" data-testid="sk-balance">
                    {wallet
                      ? wallet.currency === "KES"
                        ? fmt.kes(wallet.balanceMinor)
                        : `${wallet.currency} ${fmt.number(wallet.balanceMinor / 100)}`
                      : "—"}
                  </dd>
                  {wallet &&
                  wallet.lowBalanceThresholdMinor !== null &&
                  wallet.balanceMinor <= wallet.lowBalanceThresholdMinor ? (
                    <dd className="mt-1">
                      <Badge tone="warning">{ts("lowBalance")}</Badge>
                    </dd>
                  ) : null}
                </div>
                <div>
                  <dt className="text-slate-500">{ts("dialInNumber")}</dt>
                  <dd className="mt-1 font-medium text-slate-900">{c?.dialIn.e164 ?? "—"}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{ts("callerIdNumber")}</dt>
                  <dd className="mt-1 font-medium text-slate-900">{c?.callerId.e164 ?? "—"}</dd>
                </div>
              </dl>
              <p className="mt-4 text-xs text-slate-500">
                {c?.lastCheckedAt ? ts("lastChecked", { when: fmt.dateTime(c.lastCheckedAt) }) : ts("neverChecked")}
              </p>
              <div className="mt-4">
                {c ? (
                  <ConnectionButtons canReroute={Boolean(c.dialIn.id || c.callerId.id)} />
                ) : o.localMode ? (
                  <ConnectEmulatorButton />
                ) : null}
              </div>
            </CardBody>
          </Card>

          {c && o.live && !o.live.error ? (
            <Card>
              <CardHeader
                title={ts("numbers")}
                description={<span data-testid="sk-routing-state">{routingSummary(o.routing, t)}</span>}
              />
              <CardBody>
                {o.live.numbers.length ? (
                  <NumbersForm numbers={o.live.numbers} dialInId={c.dialIn.id} callerIdId={c.callerId.id} />
                ) : (
                  <p className="text-sm text-slate-600">{ts("noNumbers")}</p>
                )}
              </CardBody>
            </Card>
          ) : null}

          {c ? (
            <Card>
              <CardHeader title={tc("title")} description={tc("description")} />
              <CardBody>
                <CallerIdForm on={c.presentDialInNumber} dialInNumber={c.dialIn.e164} />
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader
              title={ts("apiKey")}
              description={c?.mode === "emulator" ? ts("apiKeySwitch") : ts("apiKeyPaste")}
            />
            <CardBody>
              <ApiKeyForm
                defaultBaseUrl={c && c.mode !== "emulator" ? c.apiBaseUrl : "https://api.sautikit.com"}
                hasKey={Boolean(c)}
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title={ts("webhooks")} description={ts("webhooksDescription")} />
            <CardBody>
              <ul className="space-y-2 text-sm">
                {Object.entries({
                  [ts("incomingCalls")]: o.webhookUrls.voiceInbound,
                  [ts("callEvents")]: o.webhookUrls.callEvents,
                }).map(([label, url]) => (
                  <li key={label} className="flex flex-wrap items-center gap-2">
                    <span className="w-32 text-slate-500">{label}</span>
                    <code className="break-all rounded bg-slate-100 px-2 py-1 text-xs">{url}</code>
                    <CopyButton value={url} size="sm" variant="ghost" label={ts("copy")} />
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </div>
      </ClientIntl>
    </>
  );
}

// What the last routing check found, in words (never a fixed "all is well").
function routingSummary(
  routing: ConnectionOverview["routing"],
  t: Awaited<ReturnType<typeof getTranslations<"SautikitStatus">>>,
): string {
  if (!routing) return t("routingUnchecked");
  if (routing.problems.length) return `${t("routingMismatch")}.`;
  const when = routing.live
    ? ""
    : ` (${new Date(routing.checkedAt ?? 0).toISOString().slice(0, 16).replace("T", " ")} UTC)`;
  const secret = routing.secret === "signatures_ok" ? t("signaturesOk") : t("secretUnverifiable");
  return `${t("routingOk")}${when} ${secret}`;
}
