import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { routeWorkspaceNumbers } from "@/lib/sautikit/connect-workspace";
import { apiFetch } from "@/lib/sautikit/fenced-fetch";

// Local mode only: give a workspace its own account on the bundled emulator, through the
// emulator's control API (never a faithful Sautikit path), then route its numbers to the app.

const createdSchema = z.object({
  workspace_id: z.string().min(1),
  api_key: z.string().min(1),
  signing_secret: z.string().min(1),
  numbers: z.array(z.object({ id: z.string(), e164: z.string(), role: z.enum(["dial_in", "caller_id"]) })),
});

export async function connectEmulatorWorkspace(workspaceId: string): Promise<void> {
  // Re-running must not mint a second emulator account: an existing connection is only re-routed.
  const existing = await db.sautikitConnection.findUnique({ where: { workspaceId }, select: { id: true } });
  if (!existing) {
    const base = env().SAUTIKIT_API_URL.replace(/\/+$/, "");
    const res = await apiFetch(`${base}/_emulator/workspaces`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: `mkutano-${workspaceId}` }),
      signal: AbortSignal.timeout(10_000),
    }).catch((cause: unknown) => {
      if (cause instanceof AppError) throw cause;
      throw new AppError("SAUTIKIT_UNAVAILABLE", "emulatorUnreachable", { cause });
    });
    if (!res.ok) throw new AppError("SAUTIKIT_UNAVAILABLE", "emulatorRefused", { params: { status: res.status } });
    const created = createdSchema.parse(await res.json());
    const dialIn = created.numbers.find((n) => n.role === "dial_in");
    const callerId = created.numbers.find((n) => n.role === "caller_id");
    await db.sautikitConnection.upsert({
      where: { workspaceId },
      create: {
        workspaceId,
        apiBaseUrl: base,
        apiKeyEnc: encryptSecret(created.api_key),
        signingSecretEnc: encryptSecret(created.signing_secret),
        dialInNumber: dialIn?.e164,
        dialInNumberId: dialIn?.id,
        callerIdNumber: callerId?.e164,
        callerIdNumberId: callerId?.id,
        mode: "emulator",
        emulatorWorkspace: created.workspace_id,
        status: "pending",
      },
      update: {},
    });
  }
  await routeWorkspaceNumbers(workspaceId);
}
