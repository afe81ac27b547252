import "server-only";
import { EventEmitter } from "node:events";

// In-process fan-out from "a meeting's roster changed" to its open SSE streams. Streams also poll
// the database as a fallback, so a change committed by another process still arrives.

const store = globalThis as typeof globalThis & { __mkutanoRosterBus?: EventEmitter };
const bus = (store.__mkutanoRosterBus ??= Object.assign(new EventEmitter(), {}).setMaxListeners(0));

export function notifyRosterChanged(meetingId: string): void {
  bus.emit(meetingId);
}

export function onRosterChanged(meetingId: string, listener: () => void): () => void {
  bus.on(meetingId, listener);
  return () => bus.off(meetingId, listener);
}
