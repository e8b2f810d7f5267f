/** The seed record format: `date YYYY-MM-DD` then text; several records per file, each opening with a date line. */
import { decodeText, textHead } from "../text.js";
import { InputError, type RawRecord, type Reader } from "../types.js";

/** A record's opening line: optional indentation, `date`, a date, then optionally the first text. */
const DATE_LINE = /^[ \t\uFEFF]*date[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const STARTS_WITH_DATE = /^[\s\uFEFF]*date[ \t]+\d{4}-\d{2}-\d{2}\b/;

/** Records in file order, each with the 1-based line of its date line in `line`. */
export function parseSeedRecords(file: string, text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let current: { line: number; date: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) records.push({ line: current.line, date: current.date, text: current.lines.join("\n") });
  };
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const match = DATE_LINE.exec(line);
    if (match && /^\d{4}-\d{2}-\d{2}$/.test(match[1] ?? "")) {
      flush();
      current = { line: index + 1, date: match[1] as string, lines: match[2] ? [match[2]] : [] };
    } else if (match && !current) {
      throw new InputError(file, String(index + 1), `invalid date ${JSON.stringify(match[1])} (expected "date YYYY-MM-DD")`);
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== "") {
      throw new InputError(file, String(index + 1), 'text before the first "date YYYY-MM-DD" line');
    }
  });
  flush();
  if (records.length === 0) throw new InputError(file, undefined, 'no records (expected lines "date YYYY-MM-DD" then text)');
  return records;
}

export const seedReader: Reader = {
  name: "seed",
  extensions: ["txt", "text", "seed"],
  sniff: (content) => STARTS_WITH_DATE.test(textHead(content, 256)),
  read(file, content, options) {
    return parseSeedRecords(file, decodeText(file, content)).map((record) => ({ ...record, source: options.source }));
  },
};
