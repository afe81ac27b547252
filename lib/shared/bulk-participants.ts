import { errorText } from "@/lib/i18n/error-text";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { BulkError } from "@/lib/shared/bulk-lines";
import type { ErrorMessage } from "@/lib/shared/error-keys";
import { normalisePhone } from "@/lib/shared/phone";
import { MAX_BULK_LINES, participantRoles, type ParticipantRole } from "@/lib/shared/meeting-schemas";

// Parses pasted "name, number" lines (also tab- or semicolon-separated, number first, or with a
// third "host"/"listener" column), reporting a clear error per line and refusing duplicates.
// Rows copied from a spreadsheet arrive tab-separated, often with a header row and empty trailing
// cells; rows from a CSV file may quote a cell that holds a comma ("Odhiambo, Amina"). Each
// line's error is said in `locale`, the language of whoever pasted the lines.

export type BulkRow = { line: number; name: string; phoneE164: string; role: ParticipantRole };
export type { BulkError };

/** One line's cells: tab-separated when it has a tab, else CSV (comma or semicolon, "quoted" cells). */
export function splitCells(line: string): string[] {
  if (line.includes("\t")) return dropTrailingEmpty(line.split("\t").map((c) => unquote(c.trim())));
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === "," || ch === ";") {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return dropTrailingEmpty(cells);
}

function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

function dropTrailingEmpty(cells: string[]): string[] {
  while (cells.length > 2 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

// A spreadsheet's header row ("Name  Phone", "Jina, Simu"): skipped, not reported.
const HEADER_WORDS =
  /^(name|full name|names|jina|majina|phone|phone number|number|mobile|simu|namba|nambari|role|jukumu)$/i;
const isHeader = (cells: string[]) => cells.length >= 2 && cells.every((c) => c === "" || HEADER_WORDS.test(c));
export type BulkResult = { rows: BulkRow[]; errors: BulkError[] };

export function parseBulkParticipants(
  text: string,
  existingPhones: Iterable<string> = [],
  locale: Locale = DEFAULT_LOCALE,
): BulkResult {
  const existing = new Set(existingPhones);
  const seen = new Map<string, number>();
  const rows: BulkRow[] = [];
  const errors: BulkError[] = [];
  const lines = text.split(/\r?\n/);
  let counted = 0;

  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const cells = splitCells(trimmed);
    if (counted === 0 && isHeader(cells)) return;
    counted += 1;
    if (counted > MAX_BULK_LINES) {
      if (counted === MAX_BULK_LINES + 1) {
        errors.push({
          line,
          text: trimmed,
          message: errorText(locale, "bulkTooManyLines", { max: MAX_BULK_LINES }),
          andAfter: true,
        });
      }
      return;
    }
    const fail = ({ key, params }: ErrorMessage) =>
      errors.push({ line, text: trimmed, message: errorText(locale, key, params) });

    let role: ParticipantRole = "participant";
    const last = cells[cells.length - 1]?.toLowerCase();
    if (cells.length === 3 && last && (participantRoles as readonly string[]).includes(last)) {
      role = last as ParticipantRole;
      cells.pop();
    }
    if (cells.length !== 2) {
      fail({ key: "bulkExpectedColumns" });
      return;
    }
    const [a = "", b = ""] = cells;
    // Accept either order: the cell that parses as a phone number is the number.
    const second = normalisePhone(b);
    const first = second.ok ? null : normalisePhone(a);
    const parsed = second.ok ? second : first!.ok ? first! : null;
    const name = second.ok ? a : b;
    if (!parsed || !parsed.ok) {
      fail(second.ok ? { key: "bulkMissingPhone" } : second.error);
      return;
    }
    if (name === "") {
      fail({ key: "bulkMissingName" });
      return;
    }
    if (name.length > 80) {
      fail({ key: "personNameTooLong", params: { maximum: 80 } });
      return;
    }
    const phone = parsed.e164;
    if (existing.has(phone)) {
      fail({ key: "phoneAlreadyParticipant", params: { phone } });
      return;
    }
    const firstLine = seen.get(phone);
    if (firstLine !== undefined) {
      fail({ key: "bulkDuplicateLine", params: { phone, line: firstLine } });
      return;
    }
    seen.set(phone, line);
    rows.push({ line, name, phoneE164: phone, role });
  });

  return { rows, errors };
}
