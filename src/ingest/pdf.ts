import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { normaliseDate } from "./markup.js";
import { InputError, type RawRecord, type ReadOptions, type Reader } from "./types.js";

/** Magazines run to tens of MB; beyond this a PDF is refused rather than parsed. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
/** Reading stops here; a hostile file may claim millions of pages. */
export const MAX_PDF_PAGES = 2000;

type Proxy = Awaited<ReturnType<typeof getDocumentProxy>>;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function open(file: string, content: Buffer): Promise<Proxy> {
  try {
    // A copy: pdf.js may take ownership of (detach) the buffer it is given.
    return await getDocumentProxy(new Uint8Array(content), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    if (error instanceof Error && error.name === "PasswordException") {
      throw new InputError(file, undefined, "PDF is encrypted with a password");
    }
    throw new InputError(file, undefined, `broken PDF (${reasonOf(error)})`);
  }
}

/** Page text: one line per text line, whitespace runs collapsed, blank lines dropped. */
function cleanPage(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[\s\u0000]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** One PDF → one record: pages' text joined by blank lines, title and date from the document info. */
export async function readPdf(file: string, content: Buffer, options: ReadOptions): Promise<RawRecord[]> {
  if (content.length > MAX_PDF_BYTES) {
    throw new InputError(file, undefined, `PDF is ${content.length} bytes, over the ${MAX_PDF_BYTES}-byte limit`);
  }
  if (!content.subarray(0, 1024).includes("%PDF-")) throw new InputError(file, undefined, "not a PDF (no %PDF- header)");
  const pdf = await open(file, content);
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new InputError(file, undefined, `PDF has ${pdf.numPages} pages, over the ${MAX_PDF_PAGES}-page limit`);
    let pages: string[];
    let info: Record<string, unknown>;
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
      info = (await getMeta(pdf)).info;
    } catch (error) {
      throw new InputError(file, undefined, `broken PDF (${reasonOf(error)})`);
    }
    const text = pages.map(cleanPage).filter(Boolean).join("\n\n");
    if (!text) throw new InputError(file, undefined, "PDF has no text layer (scanned pages need OCR first)");
    const string = (value: unknown) => (typeof value === "string" && value.trim() ? value.replace(/[\s\u0000]+/g, " ").trim() : undefined);
    return [
      {
        text,
        title: string(info.Title),
        date: normaliseDate(string(info.CreationDate)) ?? options.date,
        source: options.source ?? string(info.Author),
      },
    ];
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

export const pdfReader: Reader = {
  name: "pdf",
  extensions: ["pdf"],
  sniff: (content) => content.subarray(0, 1024).includes("%PDF-"),
  read: readPdf,
};
