import { InputError } from "./types.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes untrusted bytes as UTF-8 text (BOM dropped); binary or mis-encoded input is an InputError. */
export function decodeText(file: string, content: Buffer): string {
  if (content.includes(0)) throw new InputError(file, undefined, "binary content (NUL bytes), not a text file");
  try {
    return decoder.decode(content).replace(/^\uFEFF/, "");
  } catch {
    throw new InputError(file, undefined, "not valid UTF-8 text");
  }
}

/**
 * Accepts `YYYY-MM-DD` or an ISO timestamp starting with it (`2023-02-16T10:00:00Z`),
 * returning the date part; anything else is returned unchanged for toDocument to reject.
 */
export function isoDatePart(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  return match?.[1] ?? value.trim();
}
