// The architecture's import rules (docs/architecture.md, "What may import what") as one ESLint rule.
// Every import is resolved to a path in the repository (the "@/" alias and relative paths alike),
// so a rule holds however the import is spelled.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

/** Modules that open the database: never from a component or a browser bundle. */
const DATABASE = [/^lib\/db(\.ts|\/|$)/, /^lib\/generated\/prisma\/(?!browser|enums)/];
const DATABASE_PACKAGES = /^(@prisma\/|pg$|@electric-sql\/pglite|pglite-prisma-adapter)/;
/** Server modules that scripts also load, so they cannot carry `import "server-only"`. */
const SERVER_PATHS = [/^lib\/env(\.ts)?$/, /^lib\/log(\.ts)?$/, /^lib\/crypto(\.ts)?$/, /^lib\/mail(\.ts)?$/];

/** The repository-relative file an import names, or null for a package. */
function resolveImport(spec, fromFile) {
  let abs;
  if (spec.startsWith("@/")) abs = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) abs = path.resolve(path.dirname(fromFile), spec);
  else return null;
  const rel = path.relative(ROOT, abs).split(path.sep).join("/");
  const file = ["", ...EXTENSIONS].map((ext) => abs + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  return { rel, file: file ?? null };
}

const serverOnlyCache = new Map();
/** A module that declares itself server-only (and is not a "use server" action file, which a client may call). */
function isServerOnly(file) {
  if (!file) return false;
  if (!serverOnlyCache.has(file)) {
    const head = fs.readFileSync(file, "utf8").slice(0, 2000);
    const useServer = /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(head);
    serverOnlyCache.set(file, !useServer && /^\s*import\s+["']server-only["']/m.test(head));
  }
  return serverOnlyCache.get(file);
}

function isClientFile(program) {
  for (const stmt of program.body) {
    if (stmt.type !== "ExpressionStatement" || typeof stmt.directive !== "string") break;
    if (stmt.directive === "use client") return true;
  }
  return false;
}

const under = (rel, ...dirs) => dirs.some((d) => rel === d || rel.startsWith(`${d}/`));

export const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "The import rules of docs/architecture.md" },
    schema: [],
    messages: {
      emulator: "The emulator imports only its own files and lib/sautikit/contract/ ({{target}}).",
      libToUi: "lib/ never imports app/ or components/ ({{target}}).",
      isomorphic: "{{from}} runs in the browser too: it must not import the server-only module {{target}}.",
      contract: "lib/sautikit/contract/ is shared with the emulator: it imports only itself and zod ({{target}}).",
      componentDb: "Components never reach the database ({{target}}): call a lib/ function instead.",
      clientServer:
        'A "use client" file must not import the server-only module {{target}} (use `import type`, or move the code to lib/shared/).',
    },
  },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep).join("/");
    let client = false;
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== "string") return;
      const target = resolveImport(spec, context.filename);
      const report = (messageId) => context.report({ node, messageId, data: { target: target?.rel ?? spec, from } });
      if (under(from, "emulator")) {
        if (target && !under(target.rel, "emulator", "lib/sautikit/contract")) return report("emulator");
        return;
      }
      if (under(from, "lib/sautikit/contract")) {
        if (target ? !under(target.rel, "lib/sautikit/contract") : spec !== "zod") return report("contract");
        return;
      }
      if (under(from, "lib") && target && under(target.rel, "app", "components")) return report("libToUi");
      const reachesDb = target ? DATABASE.some((re) => re.test(target.rel)) : DATABASE_PACKAGES.test(spec);
      if (under(from, "components") && reachesDb && !typeOnly) return report("componentDb");
      if (typeOnly) return;
      const browser = client || under(from, "lib/shared", "lib/hooks");
      const server = reachesDb || spec === "server-only" || isServerOnly(target?.file);
      if (browser && (server || (target && SERVER_PATHS.some((re) => re.test(target.rel))))) {
        return report(client ? "clientServer" : "isomorphic");
      }
    };
    return {
      Program(program) {
        client = isClientFile(program);
      },
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === "type" ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === "type");
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === "type");
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value, false);
      },
    };
  },
};

const plugin = { rules: { "import-boundaries": importBoundaries } };

export default plugin;
