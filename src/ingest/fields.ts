/** Field rules shared by the tabular readers (JSON Lines, CSV): date and text required; id, title, url, source optional. */
import { isoDatePart } from "./text.js";
import { InputError, type RawRecord } from "./types.js";

const OPTIONAL = ["id", "title", "url", "source"] as const;

export function recordFromFields(
  fields: Record<string, unknown>,
  file: string,
  line: number,
  defaults: { source?: string },
): RawRecord {
  const place = String(line);
  const field = (name: string, required: boolean): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null || value === "") {
      if (required) throw new InputError(file, place, `missing field "${name}"`);
      return undefined;
    }
    if (typeof value === "number" && name === "id") return String(value);
    if (typeof value !== "string") throw new InputError(file, place, `field "${name}" must be a string, not ${typeof value}`);
    return value;
  };
  const text = field("text", true) as string;
  const date = isoDatePart(field("date", true) as string);
  const record: RawRecord = { text, date, line };
  for (const name of OPTIONAL) {
    const value = field(name, false)?.trim();
    if (value) record[name] = value;
  }
  record.source ??= defaults.source;
  return record;
}
