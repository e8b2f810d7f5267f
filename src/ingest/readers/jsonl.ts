/** JSON Lines: one JSON object per line with fields date, text and optional id, title, url, source. */
import { recordFromFields } from "../fields.js";
import { decodeText, textHead } from "../text.js";
import { InputError, type RawRecord, type Reader } from "../types.js";

export const jsonLinesReader: Reader = {
  name: "jsonl",
  extensions: ["jsonl", "ndjson"],
  sniff: (content) => /^[\s\uFEFF]*\{/.test(textHead(content, 64)),
  read(file, content, options) {
    const records: RawRecord[] = [];
    decodeText(file, content)
      .split(/\r?\n/)
      .forEach((line, index) => {
        if (line.trim() === "") return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          throw new InputError(file, String(index + 1), `invalid JSON (${error instanceof Error ? error.message : String(error)})`);
        }
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
          throw new InputError(file, String(index + 1), "expected a JSON object with fields date and text");
        }
        records.push(recordFromFields(value as Record<string, unknown>, file, index + 1, options));
      });
    if (records.length === 0) throw new InputError(file, undefined, "no records");
    return records;
  },
};
