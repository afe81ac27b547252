// A second app instance for the roster-bus test, as a real separate process on the same
// PostgreSQL. Reads commands on stdin, reports on stdout, one line each:
//   listen <meetingId>   → "heard <meetingId>" whenever another instance announces a change
//   notify <meetingId>   → announces a change (as a webhook handled here would) → "notified <id>"
//   ring <meetingId> <workspaceId> <legId> → stores a real roster fact (the leg rings), then announces it
// Run: DATABASE_URL=postgresql://… node --conditions=react-server --import tsx bus-child.ts
import { createInterface } from "node:readline";
import { db } from "@/lib/db";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged, onRosterChanged, rosterBusReady } from "@/lib/roster/roster-bus";

await rosterBusReady();
console.log("ready");
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, id, workspaceId, legId] = line.trim().split(" ");
  if (!id) continue;
  if (cmd === "listen") {
    onRosterChanged(id, () => console.log(`heard ${id}`));
    console.log(`listening ${id}`);
  } else if (cmd === "notify") {
    notifyRosterChanged(id);
    console.log(`notified ${id}`);
  } else if (cmd === "ring" && workspaceId && legId) {
    const fact = { kind: "call.ringing" as const, key: `bus-test:${legId}`, legId, at: Date.now() };
    await db.$transaction((tx) => recordRosterEvents(tx, workspaceId, id, [fact]));
    notifyRosterChanged(id);
    console.log(`notified ${id}`);
  }
}
process.exit(0);
