// Routing is checked, not assumed: numbers re-pointed on the emulator behind the app's back (through
// its faithful PATCH /v1/numbers/{id}/routing, with the workspace's own key) are flagged by the
// periodic job, Test connection and the settings page load; the mismatch is in the audit log; and
// Re-route numbers fixes it. A secret changed behind the app's back shows through the signatures of
// the webhooks that then fail.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { createWorkspace } from "../meetings/support";
import { makeUntil } from "@/tests/support/until";

const app = appFixture({
  modules: () => [
    import("@/lib/sautikit/check-routing"),
    import("@/lib/sautikit/manage-connection"),
    import("@/lib/sautikit/connection-overview"),
    import("@/lib/sautikit/routing-check-job"),
  ],
});
const m = app.lib;

const until = makeUntil();

async function setup() {
  const { actor, workspaceId } = await createWorkspace(m.db);
  await m.db.sautikitConnection.delete({ where: { workspaceId } });
  await m.connectEmulatorWorkspace(workspaceId);
  const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
  const key = m.decryptSecret(conn.apiKeyEnc);
  // What someone with the account's key does in Sautikit's console: the app hears nothing of it.
  const repoint = async (numberId: string, routing: Record<string, string>) => {
    const res = await fetch(`${app.emulatorUrl}/v1/numbers/${numberId}/routing`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(routing),
    });
    expect(res.status).toBe(200);
  };
  return { actor, workspaceId, conn, repoint };
}

describe("the routing check", () => {
  it(
    "flags numbers re-pointed behind the app's back (job, Test connection, settings page), audits it, and Re-route fixes it",
    { timeout: 90_000 },
    async () => {
      const { actor, workspaceId, conn, repoint } = await setup();
      expect(await m.checkRouting(workspaceId)).toMatchObject({ status: "checked", problems: [] });

      await repoint(conn.dialInNumberId!, { voice_callback_url: "https://elsewhere.example/voice" });
      await repoint(conn.callerIdNumberId!, { events_url: "https://elsewhere.example/events" });

      // The periodic check: a durable job, chained to the next 10-minute slot.
      await m.scheduleRoutingCheck();
      await until(
        "the routing check job ran",
        async () =>
          (await m.runDueJobs({ workerId: "routing-test" })) === 0 &&
          (await m.db.job.count({ where: { kind: m.ROUTING_CHECK_JOB, status: "done" } })) > 0,
      );
      expect(
        await m.db.job.count({
          where: { kind: m.ROUTING_CHECK_JOB, status: "pending", runAt: { gt: new Date(Date.now() + 5 * 60_000) } },
        }),
      ).toBe(1);
      const stored = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
      const problems = (
        stored.routingProblems as { problems: { role: string; field: string; actual: string | null }[] }
      ).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            role: "dial_in",
            field: "voice_callback_url",
            actual: "https://elsewhere.example/voice",
          }),
          expect.objectContaining({
            role: "caller_id",
            field: "events_url",
            actual: "https://elsewhere.example/events",
          }),
        ]),
      );
      expect(problems).toHaveLength(2);
      const audits = await m.db.auditLog.findMany({ where: { workspaceId, action: "sautikit.routing_mismatch" } });
      expect(audits).toHaveLength(1);

      // Test connection says so too (and an unchanged mismatch is not audited twice).
      const tested = await m.testConnection(actor);
      expect(tested.routing).toMatchObject({ status: "checked" });
      expect(tested.routing.status === "checked" && tested.routing.problems).toHaveLength(2);
      expect(await m.db.auditLog.count({ where: { workspaceId, action: "sautikit.routing_mismatch" } })).toBe(1);
      // And the settings page load.
      expect((await m.getConnectionOverview(actor)).routing?.problems).toHaveLength(2);

      // The fix: Re-route numbers.
      await m.rerouteNumbers(actor);
      expect(await m.checkRouting(workspaceId, { actorId: actor.userId })).toMatchObject({
        status: "checked",
        problems: [],
      });
      expect((await m.getConnectionOverview(actor)).routing?.problems).toEqual([]);
      const fixed = await m.db.auditLog.findFirstOrThrow({ where: { workspaceId, action: "sautikit.numbers_routed" } });
      expect(JSON.stringify(fixed.details)).toContain("elsewhere.example");
    },
  );

  it(
    "a signing secret changed behind the app's back shows as failing signatures, and Re-route fixes it",
    { timeout: 90_000 },
    async () => {
      const { workspaceId, actor, conn, repoint } = await setup();
      await repoint(conn.dialInNumberId!, { voice_signing_secret: "whsec_not_the_workspace_secret" });
      // Someone dials in: the app refuses the callback (bad signature) and records the verdict.
      const caller = `+25472${String(Date.now() % 10_000_000).padStart(7, "0")}`;
      const res = await fetch(`${app.emulatorUrl}/_emulator/phones/${encodeURIComponent(caller)}/dial`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: conn.dialInNumber }),
      });
      expect(res.ok).toBe(true);
      await until(
        "a rejected signature logged",
        async () => (await m.db.webhookDelivery.count({ where: { workspaceId, verdict: "rejected_signature" } })) > 0,
      );

      const check = await m.checkRouting(workspaceId);
      expect(check).toMatchObject({ status: "checked", secret: "signatures_failing" });
      expect(check.status === "checked" && check.problems.map((p) => p.field)).toContain("signing_secret");

      await m.rerouteNumbers(actor);
      // Signatures from before the re-route no longer count.
      expect(await m.checkRouting(workspaceId)).toMatchObject({ status: "checked", problems: [] });
    },
  );
});
