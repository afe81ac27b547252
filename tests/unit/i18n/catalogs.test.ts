import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import { flatKeys, isUsed, sourceFiles, usageIn } from "./key-usage";

// The web catalogs: both languages have every key, every key the code asks for exists, and every
// key in the catalogs is used somewhere (see key-usage.ts for how uses are found).

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EN = flatKeys(en);
const SW = flatKeys(sw);

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe("web message catalogs", () => {
  it("English and Swahili have the same keys", () => {
    expect(
      [...SW.keys()].filter((k) => !EN.has(k)),
      "in sw.json only",
    ).toEqual([]);
    expect(
      [...EN.keys()].filter((k) => !SW.has(k)),
      "missing from sw.json",
    ).toEqual([]);
  });

  it("no message is empty, and each parses as ICU with the same arguments in both languages", () => {
    const problems: string[] = [];
    for (const [key, english] of EN) {
      const swahili = SW.get(key);
      if (!english.trim() || !swahili?.trim()) {
        problems.push(`${key}: empty`);
        continue;
      }
      try {
        const a = [...argumentsOf(parse(english))].sort();
        const b = [...argumentsOf(parse(swahili))].sort();
        if (a.join() !== b.join()) problems.push(`${key}: en {${a}} ≠ sw {${b}}`);
      } catch (err) {
        problems.push(`${key}: ${(err as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  const usage = usageIn(sourceFiles(ROOT, ["app", "components", "lib", "i18n"]));

  it("every key the code uses exists", () => {
    const missing = [...usage.exact].filter((k) => !EN.has(k)).map((k) => `${k} (${usage.where.get(k) ?? "?"})`);
    expect(missing).toEqual([]);
    const deadPrefixes = [...usage.prefixes].filter((p) => ![...EN.keys()].some((k) => k.startsWith(p)));
    expect(deadPrefixes, "dynamic keys with no catalog entry under them").toEqual([]);
  });

  it("every key in the catalogs is used", () => {
    expect([...EN.keys()].filter((k) => !isUsed(k, usage))).toEqual([]);
  });
});

describe("the key scanner", () => {
  // The checks above are only as good as the scanner: it must see each kind of use.
  const files = [
    {
      file: "a.tsx",
      source: `
        const t = await getTranslations("Nav");
        const tc = useT("Roster");
        const tm = translatorFor(locale, "Mail");
        const [ta, tb] = await Promise.all([getTranslations("A"), getTranslations({ locale, namespace: "B" })]);
        function label(tx: Translate<"C">) { return tx("c1"); }
        t("meetings"); tc.rich("muted", { b }); tm("subject", { title });
        ta(\`status.\${s}\`); tb(code); tc("plain");
        tc("withReason", { state, reason: tc(\`reasons.\${r}\`) });
        // i18n-keys: D.x, E.y.*
        export const generateMetadata = titleFrom("F", "title");
        const [{ upcoming, past }, tg] = await Promise.all([listMeetings(actor), getTranslations("G")]);
        tg("heading");
        throw new AppError("NOT_FOUND", "gone", { params: { id } });
        z.string().min(1, fieldError("required"));
        const m = errorText(locale, "internal"); fail({ key: "tooLong", params });
      `,
    },
  ];
  const u = usageIn(files);

  it("finds literal, template, dynamic and declared uses", () => {
    expect([...u.exact].sort()).toEqual([
      "C.c1",
      "D.x",
      "Errors.gone",
      "Errors.internal",
      "Errors.required",
      "Errors.tooLong",
      "F.title",
      "G.heading",
      "Mail.subject",
      "Nav.meetings",
      "Roster.muted",
      "Roster.plain",
      "Roster.withReason",
    ]);
    expect([...u.prefixes].sort()).toEqual(["A.status.", "B.", "E.y.", "Roster.reasons."]);
  });

  it("reports an unused key and a missing one", () => {
    expect(isUsed("Nav.meetings", u)).toBe(true);
    expect(isUsed("Nav.recordings", u)).toBe(false);
    expect(isUsed("A.status.live", u)).toBe(true);
    expect(isUsed("A.other", u)).toBe(false);
  });
});
