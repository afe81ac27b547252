import { normalisePhone } from "@/lib/shared/phone";
import { MAX_BULK_LINES, participantRoles, type ParticipantRole } from "@/lib/shared/meeting-schemas";

// Parses pasted "name, number" lines (also tab- or semicolon-separated, number first, or with a
// third "host"/"listener" column), reporting a clear error per line and refusing duplicates.

export type BulkRow = { line: number; name: string; phoneE164: string; role: ParticipantRole };
export type BulkError = { line: number; text: string; message: string };
export type BulkResult = { rows: BulkRow[]; errors: BulkError[] };

export function parseBulkParticipants(text: string, existingPhones: Iterable<string> = []): BulkResult {
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
    counted += 1;
    if (counted > MAX_BULK_LINES) {
      if (counted === MAX_BULK_LINES + 1) {
        errors.push({ line, text: trimmed, message: `Only ${MAX_BULK_LINES} lines can be added at a time.` });
      }
      return;
    }
    const fail = (message: string) => errors.push({ line, text: trimmed, message });

    const cells = trimmed.split(/[,\t;]/).map((c) => c.trim());
    let role: ParticipantRole = "participant";
    const last = cells[cells.length - 1]?.toLowerCase();
    if (cells.length === 3 && last && (participantRoles as readonly string[]).includes(last)) {
      role = last as ParticipantRole;
      cells.pop();
    }
    if (cells.length !== 2) {
      fail('Expected "name, number" (for example "Amina Odhiambo, 0712 345 678").');
      return;
    }
    const [a = "", b = ""] = cells;
    // Accept either order: the cell that parses as a phone number is the number.
    const second = normalisePhone(b);
    const first = second.ok ? null : normalisePhone(a);
    const parsed = second.ok ? second : first!.ok ? first! : null;
    const name = second.ok ? a : b;
    if (!parsed || !parsed.ok) {
      fail(second.ok ? "Missing the phone number." : second.error);
      return;
    }
    if (name === "") {
      fail("Missing the person's name.");
      return;
    }
    if (name.length > 80) {
      fail("Keep names under 80 characters.");
      return;
    }
    const phone = parsed.e164;
    if (existing.has(phone)) {
      fail(`${phone} is already a participant in this meeting.`);
      return;
    }
    const firstLine = seen.get(phone);
    if (firstLine !== undefined) {
      fail(`${phone} duplicates line ${firstLine}.`);
      return;
    }
    seen.set(phone, line);
    rows.push({ line, name, phoneE164: phone, role });
  });

  return { rows, errors };
}
