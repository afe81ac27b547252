import { DEFAULT_PROMPT_KEY, LOW_BALANCE_THRESHOLD_MINOR } from "../../lib/sautikit/contract/constants";
import type { EmulatorConfig } from "../config";
import { iso, newId, newSecret } from "../util";
import { readState, writeState } from "./persist";
import type { Delivery, LiveCall, NumberRecord, Phone, Recording, Room, Workspace } from "./types";

// Deterministic seeded workspace, so `npm run dev` and tests know its ids without asking.
export const SEEDED_WORKSPACE_ID = "01900000-0000-7000-8000-000000000001";
const SEEDED_DIALIN_ID = "01900000-0000-7000-8000-000000000101";
const SEEDED_CALLERID_ID = "01900000-0000-7000-8000-000000000102";

const MAX_CALLS = 5000;
const MAX_DELIVERIES = 2000;
const MAX_ENDED_ROOMS = 100;

export class Store {
  readonly workspaces = new Map<string, Workspace>();
  numberCounter = 1000;
  readonly calls = new Map<string, LiveCall>();
  readonly sessions = new Map<string, string>();
  readonly phones = new Map<string, Phone>();
  /** The current (not ended) room per `${workspace}:${name}`. */
  readonly rooms = new Map<string, Room>();
  endedRooms: Room[] = [];
  readonly recordings = new Map<string, Recording>();
  readonly deliveries = new Map<string, Delivery>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly config: EmulatorConfig) {}

  load(): void {
    const saved = this.config.stateFile ? readState(this.config.stateFile) : null;
    if (saved) {
      this.numberCounter = saved.number_counter;
      for (const w of saved.workspaces) this.workspaces.set(w.id, w);
    }
    this.reconcileSeed();
    this.persist();
  }

  /** The seeded workspace always exists and follows the configured key and numbers. */
  private reconcileSeed(): void {
    const c = this.config;
    const existing = this.workspaces.get(SEEDED_WORKSPACE_ID);
    const now = iso();
    const seeded: Workspace = existing ?? {
      id: SEEDED_WORKSPACE_ID,
      name: "Seeded workspace",
      api_key: c.apiKey,
      signing_secret: c.signingSecret,
      balance_minor: c.balanceMinor,
      low_balance_threshold_minor: LOW_BALANCE_THRESHOLD_MINOR,
      numbers: [],
      created_at: now,
    };
    seeded.api_key = c.apiKey;
    for (const [id, e164, role] of [
      [SEEDED_DIALIN_ID, c.dialInNumber, "dial_in"],
      [SEEDED_CALLERID_ID, c.callerIdNumber, "caller_id"],
    ] as const) {
      const number = seeded.numbers.find((n) => n.id === id);
      if (number) number.e164 = e164;
      else seeded.numbers.push(newNumber(id, e164, role, seeded.signing_secret, now));
    }
    this.workspaces.set(seeded.id, seeded);
  }

  createWorkspace(name: string | undefined, balanceMinor: number): Workspace {
    const now = iso();
    const secret = newSecret("whsec_");
    const dialIn = this.allocateNumber();
    const callerId = this.allocateNumber();
    const ws: Workspace = {
      id: newId(),
      name: name ?? `Workspace ${this.workspaces.size + 1}`,
      api_key: newSecret("sk_test_"),
      signing_secret: secret,
      balance_minor: balanceMinor,
      low_balance_threshold_minor: LOW_BALANCE_THRESHOLD_MINOR,
      numbers: [
        newNumber(newId(), dialIn, "dial_in", secret, now),
        newNumber(newId(), callerId, "caller_id", secret, now),
      ],
      created_at: now,
    };
    this.workspaces.set(ws.id, ws);
    this.persist();
    this.changed();
    return ws;
  }

  private allocateNumber(): string {
    for (;;) {
      const e164 = `+254709${String(this.numberCounter++).padStart(6, "0")}`;
      if (!this.findNumber(e164)) return e164;
    }
  }

  workspaceByKey(key: string): Workspace | undefined {
    for (const w of this.workspaces.values()) if (w.api_key === key) return w;
    return undefined;
  }

  findNumber(e164: string): { workspace: Workspace; number: NumberRecord } | undefined {
    for (const workspace of this.workspaces.values()) {
      const number = workspace.numbers.find((n) => n.e164 === e164);
      if (number) return { workspace, number };
    }
    return undefined;
  }

  numberById(workspace: Workspace, id: string): NumberRecord | undefined {
    return workspace.numbers.find((n) => n.id === id);
  }

  addCall(call: LiveCall): void {
    this.calls.set(call.id, call);
    this.sessions.set(call.session_id, call.id);
    if (this.calls.size > MAX_CALLS) {
      for (const [id, old] of this.calls) {
        if (old.ended_at) {
          this.calls.delete(id);
          this.sessions.delete(old.session_id);
          break;
        }
      }
    }
  }

  /** By UUID or HD_ session id, scoped to a workspace. */
  callById(workspaceId: string, id: string): LiveCall | undefined {
    const call = this.calls.get(id) ?? this.calls.get(this.sessions.get(id) ?? "");
    return call && call.workspace_id === workspaceId ? call : undefined;
  }

  phone(e164: string): Phone {
    let phone = this.phones.get(e164);
    if (!phone) {
      phone = {
        e164,
        state: "idle",
        muted: false,
        call_id: null,
        room: null,
        behaviour: null,
        prompt_key: DEFAULT_PROMPT_KEY,
        transcript: [],
      };
      this.phones.set(e164, phone);
    }
    return phone;
  }

  archiveRoom(room: Room): void {
    if (this.rooms.get(room.key) === room) this.rooms.delete(room.key);
    this.endedRooms.push(room);
    if (this.endedRooms.length > MAX_ENDED_ROOMS) this.endedRooms.shift();
  }

  addDelivery(d: Delivery): void {
    this.deliveries.set(d.id, d);
    if (this.deliveries.size > MAX_DELIVERIES) {
      const oldest = this.deliveries.keys().next().value;
      if (oldest !== undefined) this.deliveries.delete(oldest);
    }
  }

  /** Clears live state; with `workspaces`, also restores the seeded workspace alone. */
  reset(workspaces: boolean): void {
    this.calls.clear();
    this.sessions.clear();
    this.phones.clear();
    this.rooms.clear();
    this.endedRooms = [];
    this.recordings.clear();
    this.deliveries.clear();
    if (workspaces) {
      this.workspaces.clear();
      this.numberCounter = 1000;
      this.reconcileSeed();
      const seeded = this.workspaces.get(SEEDED_WORKSPACE_ID)!;
      seeded.balance_minor = this.config.balanceMinor;
    }
    this.persist();
    this.changed();
  }

  persist(): void {
    if (!this.config.stateFile) return;
    writeState(this.config.stateFile, {
      version: 1,
      number_counter: this.numberCounter,
      workspaces: [...this.workspaces.values()],
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }
}

function newNumber(id: string, e164: string, role: NumberRecord["role"], secret: string, now: string): NumberRecord {
  return {
    id,
    e164,
    role,
    status: "active",
    claimed_at: now,
    voice_callback_url: null,
    events_url: null,
    voice_signing_secret: secret,
  };
}
