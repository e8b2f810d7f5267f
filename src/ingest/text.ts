import { InputError } from "./types.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes untrusted bytes as text (BOM dropped): UTF-16 when a UTF-16 byte-order mark says so (as
 * Windows editors save "Unicode" text), else UTF-8. Binary or mis-encoded input is an InputError
 * naming the first bad line.
 */
export function decodeText(file: string, content: Buffer): string {
  const utf16 = utf16Bom(content);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(content);
    } catch {
      throw new InputError(file, undefined, `not valid ${utf16.toUpperCase()} text (it starts with a ${utf16.toUpperCase()} byte-order mark)`);
    }
  }
  const nul = content.indexOf(0);
  if (nul >= 0) throw new InputError(file, lineAt(content, nul), "binary content (NUL bytes), not a text file");
  try {
    return utf8.decode(content).replace(/^\uFEFF/, "");
  } catch {
    throw new InputError(file, lineAt(content, firstInvalidUtf8(content)), "not valid UTF-8 text (save it as UTF-8)");
  }
}

function utf16Bom(content: Buffer): "utf-16le" | "utf-16be" | undefined {
  return content[0] === 0xff && content[1] === 0xfe ? "utf-16le" : content[0] === 0xfe && content[1] === 0xff ? "utf-16be" : undefined;
}

/** The first `bytes` of a file as text, for readers' format sniffing (lenient: never throws). */
export function textHead(content: Buffer, bytes: number): string {
  return new TextDecoder(utf16Bom(content) ?? "utf-8").decode(content.subarray(0, bytes));
}

/** The 1-based line holding byte `offset`. */
function lineAt(content: Buffer, offset: number): string {
  let line = 1;
  for (let i = content.indexOf(0x0a); i >= 0 && i < offset; i = content.indexOf(0x0a, i + 1)) line += 1;
  return String(line);
}

/** Offset of the first line that is not valid UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(content: Buffer): number {
  for (let start = 0; start < content.length; ) {
    const newline = content.indexOf(0x0a, start);
    const end = newline < 0 ? content.length : newline + 1;
    try {
      utf8.decode(content.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return content.length;
}

/**
 * Accepts `YYYY-MM-DD` or an ISO timestamp starting with it (`2023-02-16T10:00:00Z`),
 * returning the date part; anything else is returned unchanged for toDocument to reject.
 */
export function isoDatePart(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  return match?.[1] ?? value.trim();
}
