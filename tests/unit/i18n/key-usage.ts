import fs from "node:fs";
import path from "node:path";

// Finds which catalog keys the source uses, by reading it (no type information needed).
//
// A translator is a local binding made by one of:
//   const t = await getTranslations("Ns")        (next-intl, server components/actions/handlers)
//   const t = await getTranslations({ locale, namespace: "Ns" })
//   const t = useT("Ns")                          (client components, lib/i18n/client)
//   const t = translatorFor(locale, "Ns")         (mail, .ics, CSV, errors: lib/i18n/translator)
//   const [t, tx] = await Promise.all([getTranslations("A"), getTranslations("B")])
//   function f(t: Translate<"Ns">) / (t: Translator<"Ns">)  (a translator handed to a helper)
// and a use is `t("key")` / `t.rich("key")` / `t.has("key")` with a string literal: exactly
// Ns.key. A template literal `t(\`status.${s}\`)` uses every key under Ns.status; any other
// argument (`t(code)`) uses the whole namespace. A comment `i18n-keys: Ns.a, Ns.b.*` declares uses
// the scanner cannot see (e.g. keys chosen in a lookup table). A page title made with
// `titleFrom("Ns", "key")` (lib/i18n/page-title) uses exactly Ns.key.
//
// Error messages (the `Errors` namespace, ADR 0025) are named by key where they are raised, not
// through a translator binding: `new AppError("CODE", "key"`, `fieldError("key")`,
// `errorText(locale, "key"` and a message object `{ key: "key"` each use Errors.key.

export type Usage = { exact: Set<string>; prefixes: Set<string>; where: Map<string, string> };

const CALL = String.raw`(?:await\s+)?(?:getTranslations|useT|useTranslations|translatorFor)\s*\(([^()]*)\)`;

function namespaceOf(args: string): string | undefined {
  const named = /namespace\s*:\s*["']([\w.]+)["']/.exec(args);
  if (named) return named[1];
  const literals = [...args.matchAll(/["']([\w.]+)["']/g)].map((m) => m[1]!);
  return literals.at(-1);
}

type Binding = { name: string; ns: string; at: number };

/** Translator bindings in order of appearance (a name may be bound again in another function). */
export function bindingsIn(source: string): Binding[] {
  const found: Binding[] = [];
  for (const m of source.matchAll(new RegExp(String.raw`(?:const|let)\s+(\w+)\s*=\s*` + CALL, "g"))) {
    const ns = namespaceOf(m[2]!);
    if (ns) found.push({ name: m[1]!, ns, at: m.index });
  }
  for (const m of source.matchAll(/(?:const|let)\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\s*\[([\s\S]*?)\]\s*\)/g)) {
    // A comma inside a destructured element (`[{ upcoming, past }, t]`) does not separate elements.
    const vars = m[1]!.split(/,(?![^{]*\})/).map((v) => v.trim());
    // Matched up by position; an element that is not a translator call binds nothing.
    const elements = m[2]!
      .split(/,(?![^()]*\))/)
      .map((e) => e.trim())
      .filter(Boolean);
    elements.forEach((el, i) => {
      const call = new RegExp(`^${CALL}$`).exec(el);
      const ns = call ? namespaceOf(call[1]!) : undefined;
      if (ns && vars[i]) found.push({ name: vars[i]!, ns, at: m.index });
    });
  }
  for (const m of source.matchAll(/(\w+)\s*:\s*(?:Translate|Translator)<\s*["']([\w.]+)["']\s*>/g))
    found.push({ name: m[1]!, ns: m[2]!, at: m.index });
  return found.sort((a, b) => a.at - b.at);
}

const ERROR_KEY_USES = [
  /new AppError\(\s*"[A-Z_]+"\s*,\s*"(\w+)"/g,
  /fieldError\(\s*"(\w+)"\s*\)/g,
  /errorText\(\s*[\w.]+\s*,\s*"(\w+)"/g,
  /\{\s*key:\s*"(\w+)"/g,
];

/** The `Errors` keys a source names where errors are raised (see above). */
export function errorKeysIn(source: string): string[] {
  return ERROR_KEY_USES.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

export function usageIn(files: { file: string; source: string }[]): Usage {
  const usage: Usage = { exact: new Set(), prefixes: new Set(), where: new Map() };
  for (const { file, source } of files) {
    for (const key of errorKeysIn(source)) {
      usage.exact.add(`Errors.${key}`);
      if (!usage.where.has(`Errors.${key}`)) usage.where.set(`Errors.${key}`, file);
    }
    for (const m of source.matchAll(/i18n-keys:\s*([\w.*, ]+)/g)) {
      for (const key of m[1]!
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean)) {
        if (key.endsWith(".*")) usage.prefixes.add(key.slice(0, -1));
        else usage.exact.add(key);
      }
    }
    // Examples in comments are not uses (trailing `// …` after code is rare enough to keep).
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const m of code.matchAll(/titleFrom\(\s*["']([\w.]+)["']\s*,\s*["']([\w.]+)["']\s*\)/g)) {
      const key = `${m[1]}.${m[2]}`;
      usage.exact.add(key);
      if (!usage.where.has(key)) usage.where.set(key, file);
    }
    const bindings = bindingsIn(code);
    for (const name of new Set(bindings.map((b) => b.name))) {
      // Only the first argument is read, so a call nested in the values (`t("a", { b: t("c") })`) is seen too.
      const uses = new RegExp(
        String.raw`(?<![\w.])${name}(?:\.(?:rich|markup|has|raw))?\(\s*(\`[^\`]*\`|"[^"]*"|'[^']*'|[^,)\s]*)`,
        "g",
      );
      for (const u of code.matchAll(uses)) {
        // The closest binding of this name before the use (its enclosing function's).
        const ns = bindings.filter((b) => b.name === name && b.at < u.index).at(-1)?.ns;
        if (!ns) continue;
        const arg = u[1]!.trim();
        const literal = /^(["'])([^"'`]*)\1/.exec(arg);
        const template = /^`([^`$]*)(\$\{)?/.exec(arg);
        if (literal) {
          const key = `${ns}.${literal[2]}`;
          usage.exact.add(key);
          if (!usage.where.has(key)) usage.where.set(key, file);
        } else if (template && !template[2]) {
          usage.exact.add(`${ns}.${template[1]}`);
        } else if (template) {
          usage.prefixes.add(`${ns}.${template[1]}`);
        } else if (arg.length > 0) {
          usage.prefixes.add(`${ns}.`);
        }
      }
    }
  }
  return usage;
}

export function flatKeys(catalog: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof catalog === "string") out.set(prefix, catalog);
  else if (catalog && typeof catalog === "object") {
    for (const [k, v] of Object.entries(catalog))
      for (const [kk, vv] of flatKeys(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

export function isUsed(key: string, usage: Usage): boolean {
  return usage.exact.has(key) || [...usage.prefixes].some((p) => key.startsWith(p));
}

export function sourceFiles(root: string, dirs: string[]): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "generated" || entry.name === "node_modules") continue;
        walk(full);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        out.push({ file: path.relative(root, full), source: fs.readFileSync(full, "utf8") });
      }
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return out;
}
