// The paste box's side of a bulk add, kept apart from the parser so the browser does not load the
// phone-number metadata and schemas just to tidy the box after the server has answered.

/** `andAfter`: this line and every line after it were not read (the paste was over the limit). */
export type BulkError = { line: number; text: string; message: string; andAfter?: true };

/**
 * What stays in the paste box after adding: only the lines that were not added (the failed ones,
 * and everything from an over-the-limit line on), with each error renumbered to its line in the
 * text that stays, so "line 2" points at the second line the person now sees.
 */
export function keepFailedLines(text: string, errors: BulkError[]): { text: string; errors: BulkError[] } {
  const lines = text.split(/\r?\n/);
  const byLine = new Map(errors.map((e) => [e.line, e]));
  const restFrom = Math.min(...errors.filter((e) => e.andAfter).map((e) => e.line));
  const kept: string[] = [];
  const renumbered: BulkError[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    const error = byLine.get(line);
    if (error) renumbered.push({ ...error, line: kept.length + 1 });
    if (error || (line >= restFrom && raw.trim() !== "")) kept.push(raw);
  });
  return { text: kept.join("\n"), errors: renumbered };
}
