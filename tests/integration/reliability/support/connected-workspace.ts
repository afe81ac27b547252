// A workspace signed up for real and connected to the emulator, with a meeting starting in a minute:
// for the reliability files that run the app in processes of their own (so without appFixture).
// Import it only once the test's environment (DATABASE_URL, SAUTIKIT_API_URL) is set.
import type { Actor } from "@/lib/auth/actor";
import { meetingInput, startsIn } from "../../meetings/support";

export async function connectedWorkspaceWithMeeting(opts: {
  /** The admin's name and email, and the workspace's name. */
  admin: { name: string; email: string; workspaceName: string };
  /** The meeting's settings (a minute from now, not waiting for a host, unless overridden). */
  meeting: Record<string, unknown>;
}) {
  const { signUp } = await import("@/lib/workspaces/sign-up");
  const { connectEmulatorWorkspace } = await import("@/lib/sautikit/connect-emulator-workspace");
  const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
  const { name, email, workspaceName } = opts.admin;
  const { userId, workspaceId } = await signUp({
    name,
    email,
    password: `${workspaceName}-test-password`,
    workspaceName,
  });
  await connectEmulatorWorkspace(workspaceId);
  const actor: Actor = { userId, email, name, workspaceId, workspaceName, role: "admin" };
  const meeting = await scheduleMeeting(
    actor,
    meetingInput({ startsAt: startsIn(60_000), waitForHost: false, ...opts.meeting }),
  );
  return { actor, workspaceId, meeting };
}
