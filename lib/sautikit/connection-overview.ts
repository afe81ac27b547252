import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { env, isLocalMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { storedErrorMessage, storedErrorText } from "@/lib/i18n/stored-error";
import { clientFor, findConnection } from "@/lib/sautikit/connection";
import { workspaceWebhookUrls } from "@/lib/sautikit/connect-workspace";
import { checkRouting, storedRouting, type RoutingProblem, type RoutingReport } from "@/lib/sautikit/check-routing";

// What the settings page shows: the stored connection (never its key or secret) plus a live look
// at the account (numbers, wallet). A Sautikit failure becomes a message, not a broken page.

export type ConnectionOverview = {
  localMode: boolean;
  emulatorConsoleUrl: string | null;
  webhookUrls: ReturnType<typeof workspaceWebhookUrls>;
  connection: null | {
    mode: string;
    apiBaseUrl: string;
    status: string;
    lastCheckedAt: string | null;
    lastError: string | null;
    dialIn: { id: string | null; e164: string | null };
    callerId: { id: string | null; e164: string | null };
    /** Dial-outs show the dial-in number as their caller ID. */
    presentDialInNumber: boolean;
  };
  live: null | {
    numbers: Array<{ id: string; e164: string; status?: string }>;
    wallet: { balanceMinor: number; currency: string; lowBalanceThresholdMinor: number | null } | null;
    error: string | null;
  };
  /** The routing check: run on this page load when Sautikit answered, else the last stored one. */
  routing: null | {
    problems: RoutingProblem[];
    secret: RoutingReport["secret"];
    checkedAt: string | null;
    live: boolean;
  };
};

/** The overview, its messages in `locale` (the reader's). */
export async function getConnectionOverview(
  actor: Actor,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ConnectionOverview> {
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "sautikitSeeAdminOnly");
  const conn = await findConnection(actor.workspaceId);
  const localMode = isLocalMode();
  const base: ConnectionOverview = {
    localMode,
    emulatorConsoleUrl: localMode ? `${env().SAUTIKIT_API_URL.replace(/\/+$/, "")}/` : null,
    webhookUrls: workspaceWebhookUrls(actor.workspaceId),
    connection: null,
    live: null,
    routing: null,
  };
  if (!conn) return base;
  base.connection = {
    mode: conn.mode,
    apiBaseUrl: conn.apiBaseUrl,
    status: conn.status,
    lastCheckedAt: conn.lastCheckedAt?.toISOString() ?? null,
    lastError:
      conn.lastError === null
        ? null
        : storedErrorText(locale, storedErrorMessage(conn.lastErrorKey, conn.lastErrorParams), conn.lastError),
    dialIn: { id: conn.dialInNumberId, e164: conn.dialInNumber },
    callerId: { id: conn.callerIdNumberId, e164: conn.callerIdNumber },
    presentDialInNumber: conn.presentDialInNumber,
  };
  try {
    // A page view must not hang on Sautikit: short timeout, one retry.
    const client = clientFor(conn, { timeoutMs: 4_000, maxAttempts: 2 });
    const [numbers, wallet] = await Promise.all([client.numbers.list(), client.wallet.balance().catch(() => null)]);
    base.live = {
      numbers: numbers.map((n) => ({ id: n.id, e164: n.e164, status: n.status })),
      wallet: wallet && {
        balanceMinor: wallet.balance_minor,
        currency: wallet.currency,
        lowBalanceThresholdMinor: wallet.low_balance_threshold_minor ?? null,
      },
      error: null,
    };
    // Checked on every load of the page, from the list just read (no second request).
    const check = await checkRouting(actor.workspaceId, { numbers });
    if (check.status === "checked")
      base.routing = {
        problems: check.problems,
        secret: check.secret,
        checkedAt: new Date().toISOString(),
        live: true,
      };
  } catch (err) {
    base.live = {
      numbers: [],
      wallet: null,
      error: (err instanceof AppError ? err : new AppError("SAUTIKIT_UNAVAILABLE", "sautikitNotReached")).messageIn(
        locale,
      ),
    };
  }
  if (!base.routing) {
    const stored = storedRouting((await findConnection(actor.workspaceId)) ?? conn);
    if (stored)
      base.routing = {
        problems: stored.problems,
        secret: stored.secret,
        checkedAt: stored.checkedAt.toISOString(),
        live: false,
      };
  }
  return base;
}
