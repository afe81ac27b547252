import { encodeFormBody } from "../../lib/sautikit/contract/common";
import { CONFERENCE_DIGITS_SILENCE_SECONDS } from "../../lib/sautikit/contract/constants";
import { statusCallbackEventNames } from "../../lib/sautikit/contract/conference-events";
import {
  checkVoiceResponse,
  type ConferenceStatusEventName,
  type ConferenceVerb,
} from "../../lib/sautikit/contract/voice-actions";
import type { Emulator } from "../context";
import { apiError } from "../http/respond";
import type { LiveCall, Room, RoomMember } from "../state/types";
import { iso, newId } from "../util";
import { hear } from "./phones";
import { speak } from "./verbs";

// Named rooms per workspace, exactly as docs/sautikit.md §4–5 pins them: startOnEnter (absent = true),
// waiting with waitUrl, endOnExit, beep, muted, maxParticipants stall, recording, collectDigits,
// and status events with a per-room SequenceNumber.

export class ConferenceEngine {
  constructor(private readonly em: Emulator) {}

  /** Runs the conference verb for a leg; resolves when the leg is gone (it never continues). */
  join(call: LiveCall, opts: ConferenceVerb): Promise<void> {
    const store = this.em.store;
    const key = `${call.workspace_id}:${opts.name}`;
    let room = store.rooms.get(key);
    if (!room) {
      room = {
        id: newId(),
        key,
        workspace_id: call.workspace_id,
        name: opts.name,
        status: "waiting",
        created_at: Date.now(),
        started_at: null,
        ended_at: null,
        sequence: 0,
        members: new Map(),
        stalled: new Set(),
        subscribers: new Map(),
        secret_number_id: call.number_id,
        recording_call_id: null,
        tones: [],
      };
      store.rooms.set(key, room);
    }
    const phone = store.phone(call.remote_e164);
    const ended = new Promise<void>((resolve) => {
      if (call.abort.signal.aborted) resolve();
      call.abort.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    if (opts.maxParticipants && opts.maxParticipants > 0 && room.members.size >= opts.maxParticipants) {
      // Pinned: an over-capacity leg stays connected and silent; nothing else runs for it.
      room.stalled.add(call.id);
      hear(phone, "system", `Conference ${opts.name} is full: the line stays silent`);
      store.changed();
      return ended;
    }
    if (opts.statusEventsCallbackUrl && opts.statusEvents) {
      const events = room.subscribers.get(opts.statusEventsCallbackUrl) ?? new Set<string>();
      for (const e of opts.statusEvents.split(/\s+/).filter(Boolean)) events.add(e);
      room.subscribers.set(opts.statusEventsCallbackUrl, events);
    }
    const startOnEnter = opts.startOnEnter ?? true;
    const member: RoomMember = {
      call_id: call.id,
      e164: call.remote_e164,
      muted: opts.muted === true,
      waiting: room.status !== "live" && !startOnEnter,
      opts,
      joined_at: Date.now(),
    };
    room.members.set(call.id, member);
    call.room_key = key;
    Object.assign(phone, { room: opts.name, muted: member.muted, state: member.waiting ? "waiting" : "in_call" });
    if (opts.record && !room.recording_call_id) room.recording_call_id = call.id;
    this.tone(room, true, opts.beep === true);
    this.emit(room, "join", call, member);
    if (member.muted) {
      this.emit(room, "mute", call, member);
      hear(phone, "muted", "You are muted");
    }
    if (room.status !== "live" && startOnEnter) this.start(room);
    else if (member.waiting) hear(phone, "hold", opts.waitUrl ?? "Hold music (no waitUrl set)");
    else hear(phone, "system", `You are in conference ${opts.name}`);
    if (opts.collectDigits) call.onDigit = this.digitCollector(call, room.name, opts);
    store.changed();
    return ended;
  }

  private start(room: Room): void {
    room.status = "live";
    room.started_at = Date.now();
    this.emit(room, "start");
    for (const m of room.members.values()) {
      const phone = this.em.store.phone(m.e164);
      if (m.waiting) {
        m.waiting = false;
        phone.state = "in_call";
        hear(phone, "system", "The conference has started");
      } else hear(phone, "system", `You are in conference ${room.name}`);
    }
  }

  /** Called by CallEngine.end before the call's flow is aborted. */
  onCallEnded(call: LiveCall): void {
    for (const room of this.em.store.rooms.values()) room.stalled.delete(call.id);
    if (!call.room_key) return;
    const room = this.em.store.rooms.get(call.room_key);
    call.room_key = null;
    const member = room?.members.get(call.id);
    if (!room || !member) return;
    room.members.delete(call.id);
    this.tone(room, false, member.opts.beep === true);
    this.emit(room, "leave", call, member);
    if (room.status === "ended") return; // a cascade from endOnExit is under way
    if (member.opts.endOnExit || room.members.size === 0) this.endRoom(room);
  }

  private endRoom(room: Room): void {
    room.status = "ended";
    // Everyone else is hung up as completed; their leave events come before `end`.
    for (const m of [...room.members.values()]) {
      const other = this.em.store.calls.get(m.call_id);
      if (other) this.em.calls.end(other, "completed", { cause: "conference_ended" });
    }
    room.ended_at = Date.now();
    const recording = room.recording_call_id ? this.finishRecording(room) : null;
    this.emit(room, "end", undefined, undefined, recording ?? undefined);
    this.em.store.archiveRoom(room);
    if (recording) this.em.recordings.announce(recording.call, recording.id);
  }

  private finishRecording(room: Room): { id: string; url: string; call: LiveCall } | null {
    const call = this.em.store.calls.get(room.recording_call_id!);
    if (!call) return null;
    const rec = this.em.recordings.create(call, room.ended_at! - room.created_at, room.tones);
    return { id: rec.id, url: this.em.recordings.presignedUrl(rec), call };
  }

  private tone(room: Room, join: boolean, beep: boolean): void {
    room.tones.push({ at_ms: Date.now() - room.created_at, join });
    if (!beep) return;
    for (const m of room.members.values())
      if (!m.waiting) hear(this.em.store.phone(m.e164), "beep", join ? "Beep: someone joined" : "Beep: someone left");
  }

  private emit(
    room: Room,
    event: ConferenceStatusEventName,
    call?: LiveCall,
    member?: RoomMember,
    recording?: { url: string; call: LiveCall },
  ): void {
    room.sequence += 1;
    const eventId = newId();
    const fields: Record<string, string | undefined> = {
      ConferenceName: room.name,
      StatusCallbackEvent: statusCallbackEventNames[event],
      EventId: eventId,
      Timestamp: iso(),
      SequenceNumber: String(room.sequence),
      conference_name: room.name,
      event,
      participants: String(room.members.size),
    };
    if (call && member) {
      Object.assign(fields, {
        CallId: call.id,
        call_id: call.id,
        session_id: call.session_id,
        participant_id: call.id,
        caller: member.e164,
        muted: String(member.muted),
        clientRequestId: call.label ?? undefined,
      });
    }
    if (recording)
      Object.assign(fields, {
        RecordingUrl: recording.url,
        recording_url: recording.url,
        recording_call_id: recording.call.id,
      });
    const ws = this.em.store.workspaces.get(room.workspace_id);
    const secret = ws && this.em.store.numberById(ws, room.secret_number_id)?.voice_signing_secret;
    if (!secret) return;
    const body = encodeFormBody(fields);
    for (const [url, events] of room.subscribers) {
      if (!events.has(event)) continue;
      this.em.deliverer.enqueue({
        kind: `conference.${event}`,
        url,
        eventId,
        body,
        contentType: "application/x-www-form-urlencoded",
        secret,
        workspaceId: room.workspace_id,
      });
    }
  }

  /** POST /v1/conferences/{name}/commands. */
  command(workspaceId: string, name: string, command: "mute" | "unmute" | "kick", participant: string): void {
    const room = this.em.store.rooms.get(`${workspaceId}:${name}`);
    if (!room || room.status === "ended")
      throw apiError("conferences.not_live", `No conference named ${name} is live.`);
    const call = this.em.store.callById(workspaceId, participant);
    const member = call && room.members.get(call.id);
    if (!call || !member) throw apiError("conferences.not_live", `Call ${participant} is not in conference ${name}.`);
    if (command === "kick") return this.em.calls.end(call, "completed", { cause: "kicked" });
    const muted = command === "mute";
    if (member.muted === muted) return;
    member.muted = muted;
    const phone = this.em.store.phone(member.e164);
    phone.muted = muted;
    hear(phone, muted ? "muted" : "unmuted", muted ? "You are muted" : "You are no longer muted");
    this.emit(room, command, call, member);
    this.em.store.changed();
  }

  private digitCollector(call: LiveCall, roomName: string, opts: ConferenceVerb): (key: string) => void {
    const finishKey = opts.finishOnKey ?? "#";
    const wanted = opts.numDigits ?? 0;
    let buffer = "";
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(timer);
      const digits = buffer;
      buffer = "";
      if (digits && opts.digitsCallbackUrl) this.sendDigits(call, roomName, digits, opts.digitsCallbackUrl);
    };
    call.abort.signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
    return (key) => {
      if (finishKey && key === finishKey) return flush();
      buffer += key;
      if (wanted > 0 && buffer.length >= wanted) return flush();
      clearTimeout(timer);
      timer = setTimeout(flush, CONFERENCE_DIGITS_SILENCE_SECONDS * 1000);
    };
  }

  private sendDigits(call: LiveCall, roomName: string, digits: string, url: string): void {
    const ws = this.em.store.workspaces.get(call.workspace_id);
    const number = ws && this.em.store.numberById(ws, call.number_id);
    if (!number) return;
    const eventId = newId();
    const body = encodeFormBody({
      ConferenceName: roomName,
      conference_name: roomName,
      CallId: call.id,
      call_id: call.id,
      clientRequestId: call.label ?? undefined,
      Digits: digits,
      digits,
      StatusCallbackEvent: "DigitsCollected",
      event: "digits",
      EventId: eventId,
      Timestamp: iso(),
    });
    this.em.deliverer.enqueue(
      {
        kind: "conference.digits",
        url,
        eventId,
        body,
        contentType: "application/x-www-form-urlencoded",
        secret: number.voice_signing_secret,
        workspaceId: call.workspace_id,
      },
      (result) => void this.playReply(call, result.text),
    );
  }

  /** A digits reply of say/play only is played to that leg alone, which then returns to the room. */
  private async playReply(call: LiveCall, text: string): Promise<void> {
    if (call.ended_at || !text.trim()) return;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return;
    }
    const checked = checkVoiceResponse(doc);
    if (!checked.ok) return;
    for (const action of checked.actions) {
      if (!("say" in action) && !("play" in action)) continue;
      if (!(await speak(this.em, call, action))) return;
    }
  }
}
