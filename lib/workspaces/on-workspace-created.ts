import "server-only";
import { isLocalMode } from "@/lib/env";
import { log } from "@/lib/log";
import { connectEmulatorWorkspace } from "@/lib/sautikit/connect-emulator-workspace";

/**
 * Called after sign-up creates a workspace. In local mode it gives the workspace its own fresh
 * emulator account (key, signing secret, two numbers) and routes the numbers to the app; outside
 * local mode an admin connects real Sautikit later on the settings page.
 *
 * Never throws: a failure is logged and leaves the workspace "not connected" (the settings page
 * shows it and offers to retry), so sign-up itself never breaks because the emulator is down.
 */
export async function onWorkspaceCreated(workspaceId: string): Promise<void> {
  if (!isLocalMode()) return;
  try {
    await connectEmulatorWorkspace(workspaceId);
  } catch (err) {
    log.warn({ err, workspaceId }, "could not connect the new workspace to the emulator");
  }
}
