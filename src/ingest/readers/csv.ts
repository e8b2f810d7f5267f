/** CSV with a header row naming fields date, text and optional id, title, url, source. */
import { parse } from "csv-parse/sync";
import { recordFromFields } from "../fields.js";
import { decodeText } from "../text.js";
import { InputError, type RawRecord, type Reader } from "../types.js";

interface Parsed {
  record: Record<string, string>;
  info: { lines: number };
}

export const csvReader: Reader = {
  name: "csv",
  extensions: ["csv"],
  read(file, content, options) {
    const text = decodeText(file, content);
    let rows: Parsed[];
    let columns: string[] = [];
    try {
      rows = parse(text, {
        columns: (header: string[]) => (columns = header.map((name) => name.trim().toLowerCase())),
        info: true,
        skip_empty_lines: true,
        delimiter: delimiterOf(text),
      }) as Parsed[];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      throw new InputError(file, line ? String(line) : undefined, `invalid CSV (${error instanceof Error ? error.message : String(error)})`);
    }
    for (const column of ["date", "text"]) {
      if (!columns.includes(column)) {
        throw new InputError(file, "1", `missing column "${column}" in the header`);
      }
    }
    const records: RawRecord[] = rows.map(({ record, info }) => recordFromFields(record, file, info.lines, options));
    if (records.length === 0) throw new InputError(file, undefined, "no records");
    return records;
  },
};

/** Commas, unless the header has none: Excel in many European locales writes `;`, and tab-separated exports are common. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(",") ? "," : ([";", "\t"].find((d) => header.includes(d)) ?? ",");
}
