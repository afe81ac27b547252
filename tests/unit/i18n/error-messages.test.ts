import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toErrorResponse } from "@/lib/errors";
import { errorText, issueMessage } from "@/lib/i18n/error-text";
import { fieldError } from "@/lib/shared/error-keys";
import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import { errorKeysIn, sourceFiles } from "./key-usage";

// Error messages in the reader's language (ADR 0025): every key the code raises exists in both
// catalogs, and the boundary says AppErrors, zod issues, error details and values in either.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EN: Record<string, string> = en.Errors;
const SW: Record<string, string> = sw.Errors;

describe("error message keys", () => {
  const raised = new Map<string, string>();
  for (const { file, source } of sourceFiles(ROOT, ["app", "components", "lib"]))
    for (const key of errorKeysIn(source)) if (!raised.has(key)) raised.set(key, file);

  it("finds the keys where errors are raised (AppError, schemas, message objects)", () => {
    // A floor, so a scanner that stopped seeing uses would fail here, not pass vacuously.
    expect(raised.size).toBeGreaterThan(150);
    for (const key of ["meetingNotFound", "titleRequired", "phoneInvalid", "fenceHostNotAllowed", "internal"])
      expect(raised.has(key), key).toBe(true);
  });

  it("every key an error is raised with exists, non-empty, in English and Swahili", () => {
    const missing = [...raised].filter(([key]) => !EN[key]?.trim() || !SW[key]?.trim());
    expect(missing.map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });

  it("Swahili is not English left untranslated (beyond messages that are only values or names)", () => {
    const same = Object.keys(EN).filter((k) => EN[k] === SW[k] && !/^(\{\w+\}|PIN \{pin\})$/.test(EN[k]!));
    expect(same).toEqual([]);
  });
});

describe("an AppError in either language", () => {
  it("keeps the English message for logs and says it in Swahili for a Swahili reader", () => {
    const e = new AppError("CONFLICT", "participantOnCall", { params: { name: "Amina" } });
    expect(e.message).toBe("Amina is on a call right now: remove them from the call first.");
    expect(e.messageIn("sw")).toBe("Amina yuko kwenye simu sasa hivi: kwanza umwondoe kwenye simu.");
    const { status, body } = toErrorResponse(e, "req-1", "sw");
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: "CONFLICT", requestId: "req-1" });
    expect(body.error.message).toBe(e.messageIn("sw"));
  });

  it("formats values per language: plural, select, lists and money", () => {
    const wait = new AppError("RATE_LIMITED", "tooManyWrongPasswords", { params: { minutes: 1 } });
    expect(wait.message).toBe("Too many wrong passwords. Try again in 1 minute.");
    expect(wait.messageIn("sw")).toBe("Umekosea nenosiri mara nyingi mno. Jaribu tena baada ya dakika 1.");
    const closed = new AppError("CONFLICT", "meetingEndedCannot", { params: { action: "addPeople" } });
    expect(closed.message).toBe("This meeting has ended, so you cannot add people.");
    expect(closed.messageIn("sw")).toBe("Mkutano huu umeisha, kwa hivyo huwezi kuongeza watu.");
    const numbers = { numbers: ["+254709000100", "+254709000200"] };
    expect(errorText("en", "numberNotOwnedCallerId", numbers)).toContain(
      "does not own +254709000100 or +254709000200,",
    );
    expect(errorText("sw", "numberNotOwnedCallerId", numbers)).toContain("haimiliki +254709000100 au +254709000200,");
    const budget = { spent: { kes: 80 }, budget: { kes: 123456 } };
    expect(errorText("en", "budgetReached", budget)).toContain("(KES 0.80 spent of KES 1,234.56)");
    expect(errorText("sw", "budgetReached", budget)).toContain("(KES 0.80 zimetumika kati ya KES 1,234.56)");
  });

  it("never shows an internal error's own text, in any language", () => {
    for (const e of [
      new Error("postgres://user:secret@db"),
      new AppError("INTERNAL", "internalDetail", { params: { detail: "secret" } }),
    ]) {
      const en500 = toErrorResponse(e, "r9", "en");
      const sw500 = toErrorResponse(e, "r9", "sw");
      expect(en500.status).toBe(500);
      expect(en500.body.error.message).toBe("Something went wrong on our side (request r9). Please try again.");
      expect(sw500.body.error.message).toBe("Kuna hitilafu upande wetu (ombi r9). Tafadhali jaribu tena.");
      expect(JSON.stringify([en500, sw500])).not.toContain("secret");
    }
  });

  it("translates marked field messages in details and leaves other details alone", () => {
    const e = new AppError("CONFLICT", "numberAlreadyParticipant", {
      details: [{ path: "phone", message: fieldError("alreadyParticipantField") }],
    });
    expect(toErrorResponse(e, undefined, "en").body.error.details).toEqual([
      { path: "phone", message: "Already a participant." },
    ]);
    expect(toErrorResponse(e, undefined, "sw").body.error.details).toEqual([
      { path: "phone", message: "Tayari ni mshiriki." },
    ]);
    const limits = new AppError("BUDGET_EXCEEDED", "budgetReached", {
      params: { spent: { kes: 1 }, budget: { kes: 1 } },
      details: { budgetMinor: 1, spentMinor: 1 },
    });
    expect(toErrorResponse(limits, undefined, "sw").body.error.details).toEqual({ budgetMinor: 1, spentMinor: 1 });
  });
});

describe("a zod refusal in either language", () => {
  const schema = z.object({
    title: z.string().min(1, fieldError("titleRequired")).max(5, fieldError("titleTooLong")),
    capacity: z.number(),
    role: z.enum(["host", "listener"]),
  });
  const issues = schema.safeParse({ title: "much too long", capacity: "ten", role: "boss" }).error!.issues;

  it("says a schema's own message in the reader's language, with the rule's bound", () => {
    const title = issues.find((i) => i.path[0] === "title")!;
    expect(issueMessage(title, "en")).toBe("Keep the title under 5 characters.");
    expect(issueMessage(title, "sw")).toBe("Jina la mkutano lisizidi herufi 5.");
  });

  it("keeps zod's English for English and gives Swahili a message by kind", () => {
    const capacity = issues.find((i) => i.path[0] === "capacity")!;
    expect(issueMessage(capacity, "en")).toBe(capacity.message);
    expect(issueMessage(capacity, "sw")).toBe("Thamani hii haipo au si ya aina inayotakiwa.");
    const role = issues.find((i) => i.path[0] === "role")!;
    expect(issueMessage(role, "sw")).toBe("Thamani hii hairuhusiwi.");
    const short = z.string().min(3).safeParse("a").error!.issues[0]!;
    expect(issueMessage(short, "sw")).toBe("Tumia angalau herufi 3.");
  });

  it("answers 422 with the first field in the message and every field in details", () => {
    const { status, body } = toErrorResponse(
      schema.safeParse({ title: "", capacity: 1, role: "host" }).error,
      "r",
      "sw",
    );
    expect(status).toBe(422);
    expect(body.error).toMatchObject({
      code: "VALIDATION",
      message: "title: Upe mkutano jina.",
      details: [{ path: "title", message: "Upe mkutano jina." }],
    });
  });
});
