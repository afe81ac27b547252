import type {
  EmulatorCall,
  EmulatorDelivery,
  EmulatorPhone,
  EmulatorRoom,
  EmulatorState,
  EmulatorWorkspace,
} from "../../control/snapshot";

// The console shows what GET /_emulator/state and the SSE `state` event carry. Their shape is the
// emulator's own (control/snapshot.ts, built from the state types and the contract's schemas),
// imported as types only, so nothing of the server reaches the bundle and a field added there is
// typed here at once.

export type Snapshot = EmulatorState;
export type Phone = EmulatorPhone;
export type Call = EmulatorCall;
export type Room = EmulatorRoom;
export type RoomMember = Room["members"][number];
export type Delivery = EmulatorDelivery;
export type DeliveryAttempt = Delivery["history"][number];
export type Workspace = EmulatorWorkspace;
export type WorkspaceNumber = Workspace["numbers"][number];
export type RequestLogEntry = Snapshot["requests"][number];

const LISTS = ["workspaces", "phones", "calls", "rooms", "deliveries", "requests"] as const;

/**
 * The snapshot as sent, once it has the lists every panel walks; anything else (a proxy's error page,
 * a truncated frame) throws, and the caller keeps the last good state until the next frame.
 */
export function readSnapshot(raw: unknown): Snapshot {
  const data = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const missing = LISTS.filter((key) => !Array.isArray(data[key]));
  if (missing.length > 0) throw new Error(`Not an emulator state: no ${missing.join(", ")}.`);
  return raw as Snapshot;
}
