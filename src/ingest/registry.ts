/** Chooses the reader for a file by extension, then by content; turns its records into validated Documents. */
import { extname } from "node:path";
import type { Document } from "../model/index.js";
import { feedReader } from "./feed.js";
import { htmlReader } from "./html.js";
import { pdfReader } from "./pdf.js";
import { reutersReader } from "./reuters.js";
import { csvReader } from "./readers/csv.js";
import { jsonLinesReader } from "./readers/jsonl.js";
import { plainTextReader } from "./readers/plain.js";
import { seedReader } from "./readers/seed.js";
import { timemlReader } from "./readers/timeml.js";
import { InputError, toDocument, type ReadOptions, type Reader } from "./types.js";

/** Known readers; for a shared extension, one whose `sniff` matches wins, then one without `sniff`. Unknown extensions go by `sniff`. */
export const READERS: Reader[] = [seedReader, jsonLinesReader, csvReader, htmlReader, feedReader, pdfReader, reutersReader, timemlReader, plainTextReader];

export function chooseReader(file: string, content: Buffer): Reader {
  const extension = extname(file).slice(1).toLowerCase();
  const claiming = READERS.filter((reader) => reader.extensions.includes(extension));
  const chosen =
    claiming.find((reader) => reader.sniff?.(content)) ??
    claiming.find((reader) => !reader.sniff) ??
    claiming[0] ??
    READERS.find((reader) => reader.sniff?.(content));
  if (!chosen) {
    const known = [...new Set(READERS.flatMap((reader) => reader.extensions))].map((e) => `.${e}`).join(", ");
    throw new InputError(file, undefined, `unknown input format${extension ? ` ".${extension}"` : ""} (known: ${known})`);
  }
  return chosen;
}

/** Reads every record of one file and validates all of them: a bad record fails the whole file. */
export async function readDocuments(file: string, content: Buffer, options: ReadOptions = {}): Promise<Document[]> {
  const records = await chooseReader(file, content).read(file, content, options);
  const documents = records.map((record) => toDocument(record, file, record.line === undefined ? undefined : String(record.line)));
  const byId = new Map<string, Document>();
  documents.forEach((document, index) => {
    const other = byId.get(document.id);
    if (other && other.sha256 !== document.sha256) {
      const line = records[index]?.line;
      throw new InputError(file, line === undefined ? undefined : String(line), `id "${document.id}" is used by two different records`);
    }
    byId.set(document.id, document);
  });
  return documents;
}
