// Flags statements in a migration that can lose data or fail on a non-empty table. The WASM
// engine cannot evaluate data loss itself (evaluateDataLoss needs a shadow-database factory it does
// not get), so generated SQL is checked statically; anything flagged needs --accept-data-loss.

export type DestructiveChange = { statement: string; reason: string };

/** Splits SQL into statements, ignoring `;` inside quotes, dollar-quoted bodies and comments. */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const rest = sql.slice(i);
    if (rest.startsWith("--")) {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
      current += " ";
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
      current += " ";
      continue;
    }
    const dollar = /^\$[A-Za-z_0-9]*\$/.exec(rest);
    if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      const stop = end === -1 ? sql.length : end + dollar[0].length;
      current += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch)
          j += 2; // doubled quote is an escaped quote
        else if (sql[j] === ch) break;
        else j++;
      }
      current += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements.map((s) => s.replace(/\s+/g, " "));
}

/** Splits on commas outside parentheses and quotes (ALTER TABLE's list of actions). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = String.raw`(${IDENT}(?:\s*\.\s*${IDENT})*)`;

function tableKey(qualified: string): string {
  const last = qualified.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).at(-1) ?? qualified;
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase();
}

export function findDestructiveChanges(sql: string): DestructiveChange[] {
  const statements = splitSqlStatements(sql);
  const created = new Set<string>();
  const changes: DestructiveChange[] = [];
  const flag = (statement: string, reason: string) => changes.push({ statement, reason });

  for (const statement of statements) {
    const createTable = new RegExp(
      String.raw`^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${QUALIFIED}`,
      "i",
    ).exec(statement);
    if (createTable) {
      created.add(tableKey(createTable[1]!));
      continue;
    }
    if (/^DROP\s+TABLE\b/i.test(statement)) flag(statement, "drops a table and all its rows");
    else if (/^DROP\s+SCHEMA\b/i.test(statement)) flag(statement, "drops a schema and everything in it");
    else if (/^TRUNCATE\b/i.test(statement)) flag(statement, "deletes every row of a table");
    else if (/^DELETE\s+FROM\b/i.test(statement)) flag(statement, "deletes rows");
    else if (/^DROP\s+(?:MATERIALIZED\s+)?VIEW\b/i.test(statement)) flag(statement, "drops a view");

    const createUnique = new RegExp(
      String.raw`^CREATE\s+UNIQUE\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?${QUALIFIED}`,
      "i",
    ).exec(statement);
    if (createUnique && !created.has(tableKey(createUnique[1]!))) {
      flag(statement, "adds a unique index to an existing table: fails if rows already hold duplicates");
    }

    const alter = new RegExp(
      String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QUALIFIED}\s+(.*)$`,
      "i",
    ).exec(statement);
    if (!alter) continue;
    const isNew = created.has(tableKey(alter[1]!));
    for (const action of splitTopLevel(alter[2]!)) {
      if (/^DROP\s+(?:COLUMN\s+)?(?!CONSTRAINT\b)/i.test(action))
        flag(statement, `drops a column and its data (${action})`);
      else if (/^ALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/i.test(action)) {
        flag(statement, `changes a column's type: values that do not convert are lost or fail (${action})`);
      } else if (isNew) continue;
      else if (/^ALTER\s+(?:COLUMN\s+)?\S+\s+SET\s+NOT\s+NULL\b/i.test(action)) {
        flag(statement, `makes a column required: fails if any row holds NULL (${action})`);
      } else if (
        /^ADD\s+(?:COLUMN\s+)?(?!CONSTRAINT\b)/i.test(action) &&
        /\bNOT\s+NULL\b/i.test(action) &&
        !/\bDEFAULT\b|\bGENERATED\b/i.test(action)
      ) {
        flag(statement, `adds a required column without a default: fails if the table has rows (${action})`);
      } else if (/^ADD\s+CONSTRAINT\s+\S+\s+(?:UNIQUE|PRIMARY\s+KEY)\b/i.test(action)) {
        flag(statement, `adds a unique/primary key constraint: fails on existing duplicates (${action})`);
      }
    }
  }
  return changes;
}
