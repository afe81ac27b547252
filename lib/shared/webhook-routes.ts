// The webhook URLs Sautikit posts to, under /api/sautikit/<workspaceId>/: one route file each in
// app/api/sautikit/[workspaceId]/. Dependency-free on purpose: the production server's webhook lane
// (scripts/lib/webhook-lane-http.ts) matches paths against this list outside Next's module graph,
// and the admin's webhook log filters by it.

export const WEBHOOK_ROUTES = [
  "voice/outbound",
  "voice/inbound",
  "conference/events",
  "conference/digits",
  "call-events",
] as const;

export type WebhookRoute = (typeof WEBHOOK_ROUTES)[number];
