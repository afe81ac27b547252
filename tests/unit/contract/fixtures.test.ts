import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { voiceCallbackBodySchema } from "@/lib/sautikit/contract/callbacks";
import { callEventSchema } from "@/lib/sautikit/contract/call-events";
import { callCostMinor } from "@/lib/sautikit/contract/constants";
import { parseFormBody } from "@/lib/sautikit/contract/common";
import { conferenceDigitsEventSchema, conferenceStatusEventSchema } from "@/lib/sautikit/contract/conference-events";

// Every stored webhook sample parses with the contract schemas; every webhook kind has a sample.

const dir = fileURLToPath(new URL("../../fixtures/sautikit/", import.meta.url));
const read = (name: string) => readFileSync(`${dir}${name}`, "utf8");

const schemas = {
  "voice-callback.form": voiceCallbackBodySchema,
  "get-digits-callback.form": voiceCallbackBodySchema,
  "conference-status-join.form": conferenceStatusEventSchema,
  "conference-status-end.form": conferenceStatusEventSchema,
  "conference-digits.form": conferenceDigitsEventSchema,
  "call-started.json": callEventSchema,
  "call-answered.json": callEventSchema,
  "call-completed.json": callEventSchema,
  "call-failed.json": callEventSchema,
  "call-recording-ready.json": callEventSchema,
} as const;

describe("webhook fixtures", () => {
  it("has exactly one sample per webhook kind", () => {
    const files = readdirSync(dir)
      .filter((f) => f !== "README.md")
      .sort();
    expect(files).toEqual(Object.keys(schemas).sort());
  });

  it.each(Object.entries(schemas))("%s parses with its contract schema", (name, schema) => {
    const raw = read(name);
    const value = name.endsWith(".form") ? parseFormBody(raw) : JSON.parse(raw);
    const parsed = schema.safeParse(value);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("covers every call.* kind and a getDigits body carrying Digits", () => {
    const kinds = Object.keys(schemas)
      .filter((f) => f.startsWith("call-"))
      .map((f) => callEventSchema.parse(JSON.parse(read(f))).kind)
      .sort();
    expect(kinds).toEqual(["call.answered", "call.completed", "call.failed", "call.recording.ready", "call.started"]);
    expect(voiceCallbackBodySchema.parse(parseFormBody(read("get-digits-callback.form"))).Digits).toBe("482913");
  });

  it("keeps the completed sample's cost consistent with the billing formula", () => {
    const event = callEventSchema.parse(JSON.parse(read("call-completed.json")));
    if (event.kind !== "call.completed") throw new Error("wrong kind");
    expect(event.data.cost_minor).toBe(callCostMinor(event.data.duration_seconds, 300));
  });

  it("rejects a sample with a field removed or misspelt (schemas are strict)", () => {
    const body = parseFormBody(read("voice-callback.form"));
    const { CallId: _drop, ...missing } = body;
    expect(voiceCallbackBodySchema.safeParse(missing).success).toBe(false);
    expect(voiceCallbackBodySchema.safeParse({ ...body, Callid: "x" }).success).toBe(false);
    const event = JSON.parse(read("call-failed.json"));
    expect(callEventSchema.safeParse({ ...event, kind: "call.exploded" }).success).toBe(false);
  });
});
