// Terminal output for the runner scripts: colour-prefixed child logs and the runner's own messages.
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";

const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";

const codes = { cyan: 36, magenta: 35, yellow: 33, green: 32, red: 31, grey: 90, bold: 1 } as const;
export type Colour = keyof typeof codes;

export function paint(colour: Colour, text: string): string {
  return useColour ? `\x1b[${codes[colour]}m${text}\x1b[0m` : text;
}

/** Labels are padded to one width so the `│` separators line up across sources. */
const LABEL_WIDTH = 8;

export function prefix(label: string, colour: Colour): string {
  return paint(colour, `${label.padEnd(LABEL_WIDTH)} │`);
}

/** Copies a child's output line by line to our stdout, each line tagged with its source. */
export function pipeWithPrefix(stream: Readable | null, label: string, colour: Colour): void {
  if (!stream) return;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on("line", (line) => process.stdout.write(`${prefix(label, colour)} ${line}\n`));
}

/** The runner's own voice, tagged like the children so one terminal reads as one log. */
export function say(message: string): void {
  process.stdout.write(`${prefix("mkutano", "green")} ${message}\n`);
}

export function warn(message: string): void {
  process.stdout.write(`${prefix("mkutano", "yellow")} ${paint("yellow", `warning: ${message}`)}\n`);
}

export function fail(message: string): void {
  process.stderr.write(`${prefix("mkutano", "red")} ${paint("red", message)}\n`);
}
