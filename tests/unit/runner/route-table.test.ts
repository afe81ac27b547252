import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverRoutes, findRoute } from "@/tests/integration/support/route-table";

const dir = mkdtempSync(path.join(os.tmpdir(), "route-table-"));
for (const route of [
  "api/health",
  "api/sautikit/[workspaceId]/voice/inbound",
  "api/sautikit/[workspaceId]/call-events",
  "api/sautikit/special/call-events",
  "api/auth/[...nextauth]",
  "(app)/meetings/[id]/ics",
  "api/docs/[[...slug]]",
  "api/_private/secret",
]) {
  mkdirSync(path.join(dir, route), { recursive: true });
  writeFileSync(path.join(dir, route, "route.ts"), "");
}
mkdirSync(path.join(dir, "api/page-only"), { recursive: true });
writeFileSync(path.join(dir, "api/page-only/page.tsx"), "");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const routes = discoverRoutes(dir);
const match = (p: string) => {
  const m = findRoute(routes, p);
  return m && { page: m.route.page, params: m.params };
};

describe("route table", () => {
  it("finds route files only, skipping private _folders", () => {
    expect(routes.map((r) => r.page).sort()).toEqual(
      [
        "/(app)/meetings/[id]/ics/route",
        "/api/auth/[...nextauth]/route",
        "/api/docs/[[...slug]]/route",
        "/api/health/route",
        "/api/sautikit/[workspaceId]/call-events/route",
        "/api/sautikit/[workspaceId]/voice/inbound/route",
        "/api/sautikit/special/call-events/route",
      ].sort(),
    );
  });

  it("fills dynamic segments, decoded", () => {
    expect(match("/api/sautikit/ws%201/voice/inbound")).toEqual({
      page: "/api/sautikit/[workspaceId]/voice/inbound/route",
      params: { workspaceId: "ws 1" },
    });
  });

  it("prefers a static segment to a dynamic one", () => {
    expect(match("/api/sautikit/special/call-events")?.page).toBe("/api/sautikit/special/call-events/route");
    expect(match("/api/sautikit/other/call-events")?.params).toEqual({ workspaceId: "other" });
  });

  it("requires at least one segment for a catch-all, none for an optional one", () => {
    expect(match("/api/auth/callback/credentials")?.params).toEqual({ nextauth: ["callback", "credentials"] });
    expect(match("/api/auth")).toBeUndefined();
    expect(match("/api/docs")?.params).toEqual({});
    expect(match("/api/docs/a/b")?.params).toEqual({ slug: ["a", "b"] });
  });

  it("leaves route groups out of the URL and rejects near misses", () => {
    expect(match("/meetings/m1/ics")?.params).toEqual({ id: "m1" });
    expect(match("/api/health/extra")).toBeUndefined();
    expect(match("/api/page-only")).toBeUndefined();
    expect(match("/api/sautikit/%E0%A4%A/call-events")).toBeUndefined();
  });
});
