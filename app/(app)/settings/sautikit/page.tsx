import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { getConnectionOverview } from "@/lib/sautikit/connection-overview";
import {
  ApiKeyForm,
  ConnectEmulatorButton,
  ConnectionButtons,
  NumbersForm,
} from "@/app/(app)/settings/sautikit/connection-forms";
import type { ConnectionOverview } from "@/lib/sautikit/connection-overview";
import { CallerIdForm } from "@/app/(app)/settings/sautikit/caller-id-form";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { describeProblem } from "@/lib/shared/routing-problems";
import { getLocale, getTranslations } from "next-intl/server";

export const metadata = { title: "Sautikit connection" };
export const dynamic = "force-dynamic";

const statusLabel: Record<string, { label: string; tone: BadgeTone }> = {
  connected: { label: "Connected", tone: "success" },
  pending: { label: "Not routed yet", tone: "warning" },
  needs_numbers: { label: "Choose numbers", tone: "warning" },
  error: { label: "Problem", tone: "danger" },
};

export default async function SautikitSettingsPage() {
  const actor = await requireActor({ admin: true });
  const o = await getConnectionOverview(actor);
  const [t, tc, locale] = await Promise.all([
    getTranslations("SautikitStatus"),
    getTranslations("CallerIdSetting"),
    getLocale(),
  ]);
  const c = o.connection;
  const mismatch = o.routing && o.routing.problems.length > 0 ? o.routing.problems : null;
  const status = !c
    ? { label: "Not connected", tone: "danger" as const }
    : mismatch
      ? { label: t("statusMismatch"), tone: "danger" as const }
      : (statusLabel[c.status] ?? { label: c.status, tone: "neutral" as const });
  const wallet = o.live?.wallet;

  return (
    <>
      <PageHeader
        title="Sautikit connection"
        description="The Sautikit account this workspace's calls go through: its key, numbers and wallet."
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <div className="space-y-6">
        {o.localMode ? (
          <Notice tone="info" title="Local mode: the bundled Sautikit emulator">
            Calls go to the emulator, not to real phones.{" "}
            <a className="font-medium underline" href={o.emulatorConsoleUrl ?? "#"} target="_blank" rel="noreferrer">
              Open the phones console
            </a>{" "}
            to answer calls, press keys and watch webhooks.
          </Notice>
        ) : null}
        {!c ? (
          <Notice tone="warning" title="This workspace is not connected" testId="sk-not-connected">
            Nobody can be called until an admin connects a Sautikit account
            {o.localMode ? " (or connects this workspace to the local emulator)" : ""}.
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
          <Notice tone="error" title="Last problem">
            {c.lastError}
          </Notice>
        ) : null}
        {o.live?.error ? (
          <Notice tone="error" title="Sautikit could not be reached">
            {o.live.error}
          </Notice>
        ) : null}

        <Card>
          <CardHeader
            title="Status"
            description={c ? `${c.mode === "emulator" ? "Emulator" : "Sautikit"} at ${c.apiBaseUrl}` : undefined}
          />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-500">Wallet balance</dt>
                <dd className="mt-1 text-lg font-semibold text-slate-900" data-testid="sk-balance">
                  {wallet
                    ? `${wallet.currency} ${(wallet.balanceMinor / 100).toLocaleString("en-KE", { minimumFractionDigits: 2 })}`
                    : "—"}
                </dd>
                {wallet &&
                wallet.lowBalanceThresholdMinor !== null &&
                wallet.balanceMinor <= wallet.lowBalanceThresholdMinor ? (
                  <dd className="mt-1">
                    <Badge tone="warning">Low balance</Badge>
                  </dd>
                ) : null}
              </div>
              <div>
                <dt className="text-slate-500">Dial-in number</dt>
                <dd className="mt-1 font-medium text-slate-900">{c?.dialIn.e164 ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Caller-ID number</dt>
                <dd className="mt-1 font-medium text-slate-900">{c?.callerId.e164 ?? "—"}</dd>
              </div>
            </dl>
            <p className="mt-4 text-xs text-slate-500">
              {c?.lastCheckedAt ? `Last checked ${new Date(c.lastCheckedAt).toUTCString()}.` : "Never checked."}
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
              title="Numbers"
              description={<span data-testid="sk-routing-state">{routingSummary(o.routing, t)}</span>}
            />
            <CardBody>
              {o.live.numbers.length ? (
                <NumbersForm numbers={o.live.numbers} dialInId={c.dialIn.id} callerIdId={c.callerId.id} />
              ) : (
                <p className="text-sm text-slate-600">
                  The account has no numbers yet. Claim one in the Sautikit console, then come back.
                </p>
              )}
            </CardBody>
          </Card>
        ) : null}

        {c ? (
          <Card>
            <CardHeader title={tc("title")} description={tc("description")} />
            <CardBody>
              <ClientIntl namespaces={["CallerIdSetting"]}>
                <CallerIdForm on={c.presentDialInNumber} dialInNumber={c.dialIn.e164} />
              </ClientIntl>
            </CardBody>
          </Card>
        ) : null}

        <Card>
          <CardHeader
            title="API key"
            description={
              c?.mode === "emulator"
                ? "Switch this workspace to a real Sautikit account by pasting its key."
                : "Paste a key from Sautikit → Settings → API keys."
            }
          />
          <CardBody>
            <ApiKeyForm
              defaultBaseUrl={c && c.mode !== "emulator" ? c.apiBaseUrl : "https://api.sautikit.com"}
              hasKey={Boolean(c)}
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Webhook addresses"
            description="Set automatically on both numbers when they are routed. Built from APP_BASE_URL, the app's public address."
          />
          <CardBody>
            <ul className="space-y-2 text-sm">
              {Object.entries({
                "Incoming calls": o.webhookUrls.voiceInbound,
                "Call events": o.webhookUrls.callEvents,
              }).map(([label, url]) => (
                <li key={label} className="flex flex-wrap items-center gap-2">
                  <span className="w-32 text-slate-500">{label}</span>
                  <code className="break-all rounded bg-slate-100 px-2 py-1 text-xs">{url}</code>
                  <CopyButton value={url} size="sm" variant="ghost" label="Copy" />
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </div>
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
