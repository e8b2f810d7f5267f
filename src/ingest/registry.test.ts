import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chooseReader, readDocuments } from "./registry.js";
import { InputError, sha256 } from "./types.js";

const SEED = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/seeds/000_c9f1e4863a1e1bca.txt");
const read = (file: string, text: string, options = {}) => readDocuments(file, Buffer.from(text, "utf8"), options);

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("seed record reader", () => {
  it("reads the bundled seed: indented date line with text on the same line", async () => {
    const [doc, ...rest] = await readDocuments("seed.txt", readFileSync(SEED));
    expect(rest).toHaveLength(0);
    expect(doc?.date).toBe("2023-02-16");
    expect(doc?.text.startsWith("Pakistan is a \u201ccancer\"")).toBe(true);
    expect(doc?.text).toContain("formation of its \u201cKhorasan\" province.");
    expect(doc?.sha256).toBe(sha256(doc?.text ?? ""));
  });

  it("splits a file holding several records, each starting with a date line", async () => {
    const docs = await read("many.txt", "date 2024-01-02\nFirst report.\nStill first.\n\n  date 2024-01-03   Second report.\n");
    expect(docs.map((d) => [d.date, d.text])).toEqual([
      ["2024-01-02", "First report.\nStill first."],
      ["2024-01-03", "Second report."],
    ]);
  });

  it("names file and line for an invalid date or text before the first record", async () => {
    expect((await inputError(read("bad.txt", "date 2024-01-02\nok\ndate 2024-13-40\ntext\n"))).message).toMatch(/^bad\.txt:3: .*invalid date/);
    expect((await inputError(read("stray.seed", "hello\ndate 2024-01-02 x\n"))).message).toBe('stray.seed:1: text before the first "date YYYY-MM-DD" line');
    expect((await inputError(read("empty.txt", "date 2024-01-02\n\ndate 2024-01-03 x\n"))).message).toBe("empty.txt:1: record has no text");
  });
});

describe("plain text reader", () => {
  it("needs --date and reads the whole file as one document", async () => {
    expect((await inputError(read("note.txt", "Hello world."))).message).toMatch(/^note\.txt: .*--date/);
    const [doc] = await read("note.txt", "Hello world.\n", { date: "2024-05-01", source: "wire" });
    expect(doc).toMatchObject({ date: "2024-05-01", text: "Hello world.", source: "wire" });
  });

  it("rejects binary and non-UTF-8 content", async () => {
    expect((await inputError(readDocuments("x.txt", Buffer.from([0x41, 0, 0x42]), { date: "2024-01-01" }))).message).toMatch(/^x\.txt:1: binary/);
    expect((await inputError(readDocuments("y.txt", Buffer.from([0x41, 0xff, 0x42]), { date: "2024-01-01" }))).message).toMatch(/^y\.txt:1: not valid UTF-8/);
    const latin1 = Buffer.from("date 2024-01-01\nfirst line\nCaf\u00e9 in Kabul\n", "latin1");
    expect((await inputError(readDocuments("latin1.txt", latin1))).message).toBe("latin1.txt:3: not valid UTF-8 text (save it as UTF-8)");
  });

  it("reads UTF-16 text by its byte-order mark (Windows 'Unicode' files), seed records included", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("date 2024-01-01\nThe Taliban attacked Kabul.\n", "utf16le")]);
    expect((await readDocuments("le.txt", le)).map((d) => [d.date, d.text])).toEqual([["2024-01-01", "The Taliban attacked Kabul."]]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"date":"2024-01-02","text":"Caf\u00e9."}\n', "utf16le")]).swap16());
    expect((await readDocuments("be.jsonl", be)).map((d) => [d.date, d.text])).toEqual([["2024-01-02", "Caf\u00e9."]]);
    expect((await inputError(readDocuments("odd.txt", Buffer.from([0xff, 0xfe, 0x41]), { date: "2024-01-01" }))).message).toMatch(/^odd\.txt: not valid UTF-16LE/);
  });
});

describe("JSON Lines reader", () => {
  it("reads date, text and the optional fields; skips blank lines", async () => {
    const docs = await read(
      "data.jsonl",
      '{"date":"2024-02-01","text":"One.","id":"a1","title":"T","url":"https://x.test/1","source":"S"}\n\n{"date":"2024-02-02T08:00:00Z","text":"Two."}\n',
      { source: "default" },
    );
    expect(docs[0]).toMatchObject({ id: "a1", date: "2024-02-01", title: "T", url: "https://x.test/1", source: "S", text: "One." });
    expect(docs[1]).toMatchObject({ date: "2024-02-02", text: "Two.", source: "default" });
    expect(docs[1]?.id).toMatch(/^doc-[0-9a-f]{16}$/);
  });

  it("names file and line for broken JSON, a missing field or a bad type", async () => {
    const good = '{"date":"2024-02-01","text":"One."}\n';
    expect((await inputError(read("data.jsonl", `${good}${good}{"date": oops}\n`))).message).toMatch(/^data\.jsonl:3: invalid JSON/);
    expect((await inputError(read("data.jsonl", `${good}{"text":"x"}\n`))).message).toBe('data.jsonl:2: missing field "date"');
    expect((await inputError(read("data.jsonl", `{"date":"2024-02-01","text":5}\n`))).message).toBe('data.jsonl:1: field "text" must be a string, not number');
    expect((await inputError(read("data.jsonl", `[1,2]\n`))).message).toMatch(/^data\.jsonl:1: expected a JSON object/);
    expect((await inputError(read("data.jsonl", `{"date":"16/02/2023","text":"x"}\n`))).message).toMatch(/^data\.jsonl:1: missing or invalid date/);
    // Date.parse reads 30 February as 2 March; the record must fail here, before any record of the file is stored.
    expect((await inputError(read("data.jsonl", `${good}{"date":"2023-02-30","text":"x"}\n`))).message).toBe('data.jsonl:2: missing or invalid date "2023-02-30" (expected YYYY-MM-DD)');
    expect((await inputError(read("data.jsonl", `{"date":"2023-04-31","text":"x"}\n`))).message).toMatch(/^data\.jsonl:1: missing or invalid date/);
    expect((await read("data.jsonl", `{"date":"2024-02-29","text":"x"}\n`))[0]?.date).toBe("2024-02-29");
  });

  it("names the record holding a NUL character (escaped in JSON), which the store cannot hold", async () => {
    const good = '{"date":"2024-02-01","text":"One."}\n';
    expect((await inputError(read("nul.jsonl", `${good}{"date":"2024-02-01","text":"Tw\\u0000o."}\n`))).message).toBe('nul.jsonl:2: field "text" contains a NUL character (U+0000)');
    expect((await inputError(read("nul.jsonl", `{"date":"2024-02-01","text":"x","id":"a\\u0000b"}\n`))).message).toBe('nul.jsonl:1: field "id" contains a NUL character (U+0000)');
  });

  it("rejects one id used for two different texts", async () => {
    const text = '{"id":"same","date":"2024-02-01","text":"One."}\n{"id":"same","date":"2024-02-01","text":"Two."}\n';
    expect((await inputError(read("ids.jsonl", text))).message).toBe('ids.jsonl:2: id "same" is used by two different records');
  });
});

describe("CSV reader", () => {
  it("reads a header row, quoted multi-line fields and optional columns", async () => {
    const docs = await read("x.csv", 'Date,Text,Title\n2024-03-01,"Line one,\nline two",Hello\n2024-03-02,Plain,\n');
    expect(docs.map((d) => [d.date, d.text, d.title])).toEqual([
      ["2024-03-01", "Line one,\nline two", "Hello"],
      ["2024-03-02", "Plain", undefined],
    ]);
  });

  it("reads semicolon- and tab-separated files when the header has no comma (European Excel, TSV exports)", async () => {
    const semicolon = await read("eu.csv", 'Date;Text;Title\n2024-03-01;"One, with a comma; and a semicolon";T\n');
    expect(semicolon.map((d) => [d.date, d.text, d.title])).toEqual([["2024-03-01", "One, with a comma; and a semicolon", "T"]]);
    const tab = await read("x.csv", "date\ttext\n2024-03-02\tTwo; three, four.\n");
    expect(tab.map((d) => [d.date, d.text])).toEqual([["2024-03-02", "Two; three, four."]]);
  });

  it("names file and line for a missing field, a missing column or broken quoting", async () => {
    expect((await inputError(read("x.csv", "date,text\n2024-03-01,a\n2024-03-02,b\n2024-03-03,c\n,d\n"))).message).toBe('x.csv:5: missing field "date"');
    expect((await inputError(read("x.csv", "when,text\n2024-03-01,a\n"))).message).toBe('x.csv:1: missing column "date" in the header');
    expect((await inputError(read("x.csv", 'date,text\n2024-03-01,"unterminated\n'))).message).toMatch(/^x\.csv:\d+: invalid CSV/);
    expect((await inputError(read("x.csv", "date,text\n2024-03-01,a,extra\n"))).message).toMatch(/^x\.csv:2: invalid CSV/);
  });
});

describe("reader registry", () => {
  it("chooses by extension, then by content", () => {
    expect(chooseReader("a.txt", Buffer.from("  date 2024-01-01 x")).name).toBe("seed");
    expect(chooseReader("a.txt", Buffer.from("Some prose.")).name).toBe("text");
    expect(chooseReader("a.jsonl", Buffer.from("{}")).name).toBe("jsonl");
    expect(chooseReader("a.CSV", Buffer.from("date,text")).name).toBe("csv");
    expect(chooseReader("feed", Buffer.from('{"date":"2024-01-01"}')).name).toBe("jsonl");
    expect(() => chooseReader("a.docx", Buffer.from("PK\u0003\u0004"))).toThrow(/^a\.docx: unknown input format "\.docx"/);
  });
});
