import { describe, expect, it } from "vitest";
import { readPdf } from "./pdf.js";
import { chooseReader, readDocuments } from "./registry.js";
import { InputError } from "./types.js";

/** Writes a small valid PDF by hand: one Helvetica text line per entry of each page, correct xref offsets. */
function makePdf(pages: string[][], info: Record<string, string> = {}, extraTrailer = ""): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(" ");
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (const [i, lines] of pages.entries()) {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    const stream = `BT /F1 12 Tf 14 TL 72 720 Td ${lines.map((line) => `(${escape(line)}) Tj T*`).join(" ")} ET`;
    add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
  }
  const infoEntries = Object.entries(info).map(([key, value]) => `/${key} (${escape(value)})`).join(" ");
  add(`<< ${infoEntries} >>`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R ${extraTrailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const MAGAZINE = [
  ["Editorial: the group accuses the government", "of betraying the faith."],
  ["The spokesman warned of attacks (soon)."],
];

describe("PDF reader", () => {
  it("reads text per page, title, author and CreationDate", async () => {
    const pdf = makePdf(MAGAZINE, { Title: "Voice of Khurasan, Issue 9", Author: "Al-Azaim", CreationDate: "D:20230115120000+04'30'" });
    const [record] = await readPdf("mag.pdf", pdf, { date: "2000-01-01" });
    expect(record).toMatchObject({ title: "Voice of Khurasan, Issue 9", source: "Al-Azaim", date: "2023-01-15" });
    expect(record!.text).toBe("Editorial: the group accuses the government\nof betraying the faith.\n\nThe spokesman warned of attacks (soon).");
  });

  it("drops NUL characters from the title and author (the store cannot hold them)", async () => {
    const pdf = makePdf(MAGAZINE, { Title: "Voice\u0000of Khurasan", Author: "Al-Azaim\u0000" });
    const [document] = await readDocuments("nul.pdf", pdf, { date: "2000-01-01" });
    expect([document!.title, document!.source]).toEqual(["Voice of Khurasan", "Al-Azaim"]);
  });

  it("falls back to --date and --source", async () => {
    const [record] = await readPdf("plain.pdf", makePdf(MAGAZINE), { date: "2021-06-07", source: "Archive" });
    expect(record).toMatchObject({ date: "2021-06-07", source: "Archive", title: undefined });
  });

  it("is registered for .pdf and sniffed by its header", async () => {
    expect(chooseReader("x.pdf", Buffer.from("")).name).toBe("pdf");
    expect(chooseReader("download", makePdf(MAGAZINE)).name).toBe("pdf");
    const [document] = await readDocuments("mag.pdf", makePdf(MAGAZINE, { CreationDate: "D:20230115" }));
    expect(document!.date).toBe("2023-01-15");
  });

  it("turns broken, truncated, textless and non-PDF input into InputErrors naming the file", async () => {
    const good = makePdf(MAGAZINE);
    expect((await inputError(readPdf("bad.pdf", Buffer.from("hello"), {}))).message).toBe("bad.pdf: not a PDF (no %PDF- header)");
    await inputError(readPdf("trunc.pdf", good.subarray(0, 40), {}));
    await inputError(readPdf("garbage.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(5000, 0xff)]), {}));
    expect((await inputError(readPdf("blank.pdf", makePdf([[]]), {}))).message).toMatch(/blank\.pdf: PDF has no text layer/);
  });

  it("refuses a password-protected PDF", async () => {
    const hex = (byte: string) => `<${byte.repeat(32)}>`;
    const encrypted = makePdf(MAGAZINE, {}, `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex("ab")} /U ${hex("cd")} /P -4 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] `);
    expect((await inputError(readPdf("locked.pdf", encrypted, {}))).message).toBe("locked.pdf: PDF is encrypted with a password");
  });
});
