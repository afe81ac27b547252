// Every canonical payload the emulator sends (tests/fixtures/sautikit, the emulator engineer's
// fixtures) must be read by the app's production readers — as sent, re-encoded as JSON, and with
// only one naming style present — and agree with the contract's strict parse on what matters.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFormBody } from "@/lib/sautikit/contract/common";
import { parseBody } from "@/lib/webhooks/parse-body";
import { readCallEvent, readConferenceDigits, readConferenceEvent, readVoiceCallback } from "@/lib/webhooks/payloads";

const dir = path.resolve(__dirname, "../../fixtures/sautikit");
const files = readdirSync(dir).filter((f) => f.endsWith(".form") || f.endsWith(".json"));

type Reader = (fields: Record<string, unknown>) => { success: boolean; data?: unknown };
function readerFor(file: string): { reader: Reader; core: (d: Record<string, unknown>) => unknown } {
  if (file.startsWith("conference-status")) return { reader: readConferenceEvent, core: (d) => [d.room, d.event] };
  if (file.startsWith("conference-digits"))
    return { reader: readConferenceDigits, core: (d) => [d.room, d.callId, d.digits] };
  if (file.startsWith("call-"))
    return { reader: (f) => readCallEvent(f), core: (d) => [d.eventId, d.kind, (d.data as { callId: string }).callId] };
  // Digits only ever travel as `Digits` (PascalCase), so they are checked in the full parse only.
  return { reader: (f) => readVoiceCallback(f), core: (d) => [d.callId, d.from, d.to, d.status] };
}

const isPascal = (k: string) => /^[A-Z]/.test(k);

describe("the app reads every emulator fixture", () => {
  it("has the fixtures to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(files)("%s", (file) => {
    const raw = readFileSync(path.join(dir, file), "utf8");
    const { reader, core } = readerFor(file);
    const contentType = file.endsWith(".json") ? "application/json" : "application/x-www-form-urlencoded";
    const full = reader(parseBody(raw, contentType)!.fields);

    it("as sent", () => {
      expect(full.success).toBe(true);
      const d = full.data as Record<string, unknown>;
      // Spot checks against the raw canonical fields.
      if (file.endsWith(".form")) {
        const f = parseFormBody(raw);
        if (f.CallId) expect(d.callId).toBe(f.CallId);
        if (f.EventId) expect(d.eventId).toBe(f.EventId);
        if (f.SequenceNumber) expect(d.sequence).toBe(Number(f.SequenceNumber));
        if (f.ConferenceName) expect(d.room).toBe(f.ConferenceName);
        if ("Digits" in f) expect(d.digits).toBe(f.Digits);
        if (f.clientRequestId) expect(d.clientRequestId).toBe(f.clientRequestId);
      } else {
        const j = JSON.parse(raw) as {
          event_id: string;
          kind: string;
          occurred_at: string;
          data: Record<string, unknown>;
        };
        expect(d).toMatchObject({ eventId: j.event_id, kind: j.kind, occurredAt: new Date(j.occurred_at) });
        expect((d.data as Record<string, unknown>).callId).toBe(j.data.call_id);
      }
    });

    it("re-encoded (form as JSON, JSON envelope as { event_kind, payload })", () => {
      let again;
      if (file.endsWith(".form"))
        again = reader(parseBody(JSON.stringify(parseFormBody(raw)), "application/json")!.fields);
      else {
        const j = JSON.parse(raw) as Record<string, unknown>;
        again = reader({
          event_kind: j.kind,
          event_id: j.event_id,
          workspace_id: j.workspace_id,
          occurred_at: j.occurred_at,
          payload: j.data,
        });
      }
      expect(again.success).toBe(true);
      expect(again.data).toEqual(full.data);
    });

    if (file.endsWith(".form")) {
      it.each([
        ["PascalCase only", true],
        ["snake_case / PBX-native only", false],
      ])("%s", (_name, pascal) => {
        const fields = Object.fromEntries(Object.entries(parseFormBody(raw)).filter(([k]) => isPascal(k) === pascal));
        const one = reader(fields);
        expect(one.success).toBe(true);
        expect(core(one.data as Record<string, unknown>)).toEqual(core(full.data as Record<string, unknown>));
      });
    }
  });
});
