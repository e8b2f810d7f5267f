import { describe, expect, it } from "vitest";
import { MAX_HTML_BYTES, readHtml } from "./html.js";
import { chooseReader, readDocuments } from "./registry.js";
import { InputError } from "./types.js";

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} reports that the group issued a statement accusing the government of betrayal, ` +
  `and its spokesman warned of further attacks in the coming weeks across the northern provinces.</p>`;

function page(head: string, body = [1, 2, 3].map(paragraph).join("\n")): Buffer {
  return Buffer.from(
    `<!doctype html><html><head><title>Group threatens capital | Example News</title>${head}</head>
     <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
     <article><h1>Group threatens capital</h1><p class="byline">By Jane Roe</p>${body}</article>
     <script>document.body.innerHTML = "INJECTED"; throw new Error("must not run")</script>
     <footer>Copyright Example News</footer></body></html>`,
  );
}

describe("HTML reader", () => {
  it("extracts article text with paragraphs, title, byline as source and the published date", () => {
    const [record] = readHtml("a.html", page('<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">'), {});
    expect(record!.date).toBe("2024-03-05");
    expect(record!.title).toContain("Group threatens capital");
    expect(record!.source).toBe("By Jane Roe");
    expect(record!.text.split("\n\n").filter((p) => p.startsWith("Paragraph"))).toHaveLength(3);
    expect(record!.text).not.toContain("INJECTED");
    expect(record!.text).not.toContain("must not run");
    expect(record!.text).not.toContain("<p>");
  });

  it("prefers the given source over the byline", () => {
    const [record] = readHtml("a.html", page(""), { source: "Example News", date: "2024-01-01" });
    expect(record!.source).toBe("Example News");
  });

  it.each([
    ['<meta property="og:published_time" content="2023-07-01">', "2023-07-01"],
    ['<meta itemprop="datePublished" content="2022-12-31T10:00:00Z">', "2022-12-31"],
    ['<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-02-03T04:05:06Z"}]}</script>', "2021-02-03"],
    ['<script type="application/ld+json">{broken</script>', "1999-09-09"],
  ])("reads the date from %s", (head, expected) => {
    const [record] = readHtml("a.html", page(head), { date: "1999-09-09" });
    expect(record!.date).toBe(expected);
  });

  it("reads <time datetime> and falls back to --date only when the page has no date", () => {
    const timed = page("", `<time datetime="2020-05-06T08:00">6 May</time>${paragraph(1)}${paragraph(2)}`);
    expect(readHtml("a.html", timed, { date: "1999-09-09" })[0]!.date).toBe("2020-05-06");
    expect(readHtml("a.html", page(""), { date: "1999-09-09" })[0]!.date).toBe("1999-09-09");
    expect(readHtml("a.html", page(""), {})[0]!.date).toBeUndefined();
  });

  it("decodes entities and keeps the canonical URL", () => {
    const html = page('<link rel="canonical" href="https://news.example/a?x=1&amp;y=2">', `${paragraph(1)}<p>Tom &amp; Jerry said &#8220;no&#8221; &lt;b&gt;</p>`);
    const [record] = readHtml("a.html", html, {});
    expect(record!.url).toBe("https://news.example/a?x=1&y=2");
    expect(record!.text).toContain("Tom & Jerry said \u201cno\u201d <b>");
  });

  it("drops a javascript: canonical URL", () => {
    const [record] = readHtml("a.html", page('<link rel="canonical" href="javascript:alert(1)">'), {});
    expect(record!.url).toBeUndefined();
  });

  it("tolerates malformed HTML and fragments", () => {
    const [record] = readHtml("f.html", Buffer.from("<div><p>Unclosed <b>bold <i>text</div></td></table><p>second"), {});
    expect(record!.text).toContain("Unclosed bold text");
    expect(record!.text).toContain("second");
  });

  it("survives very deep nesting", () => {
    const html = `${"<div>".repeat(20000)}deep text${"</div>".repeat(20000)}`;
    expect(readHtml("deep.html", Buffer.from(html), {})[0]!.text).toContain("deep text");
  });

  it("reads Latin-1 pages", () => {
    const [record] = readHtml("l.html", Buffer.from("<p>Caf\xe9 in K\xf6ln</p>", "latin1"), {});
    expect(record!.text).toBe("Caf\u00e9 in K\u00f6ln");
  });

  it("reads NUL bytes in a page as U+FFFD, as browsers do, instead of failing the file", async () => {
    const [document] = await readDocuments("nul.html", Buffer.from("<html><head><title>T\u0000itle</title></head><body><p>The Taliban\u0000 attacked Kabul.</p></body></html>", "latin1"), { date: "2024-02-02" });
    expect([document!.title, document!.text]).toEqual(["T\uFFFDitle", "The Taliban\uFFFD attacked Kabul."]);
  });

  it("reads a page that declares UTF-16 in ASCII bytes as UTF-8, as browsers do, not as CJK garbage", () => {
    const html = Buffer.from('<html><head><meta charset="utf-16"></head><body><p>The Taliban attacked Kabul, caf\u00e9 owners said.</p></body></html>', "utf8");
    expect(readHtml("u16.html", html, {})[0]!.text).toBe("The Taliban attacked Kabul, caf\u00e9 owners said.");
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<html><body><p>Hamas attacked Israel.</p></body></html>", "utf16le")]);
    expect(readHtml("bom.html", bom, {})[0]!.text).toBe("Hamas attacked Israel.");
  });

  it("decodes the charset a page declares, e.g. windows-1256 Arabic", () => {
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>');
    const html = Buffer.concat([head, Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]), Buffer.from(" \x93quoted\x94</p></body></html>", "latin1")]);
    expect(readHtml("ar.html", html, {})[0]!.text).toBe("\u0633\u0644\u0627\u0645 \u201cquoted\u201d");
  });

  it("refuses pages without text and oversized files with an InputError naming the file", () => {
    expect(() => readHtml("empty.html", Buffer.from("<html><body><script>x()</script></body></html>"), {})).toThrow(InputError);
    const huge = Buffer.alloc(MAX_HTML_BYTES + 1, 0x20);
    expect(() => readHtml("huge.html", huge, {})).toThrow(/huge\.html.*limit/);
  });
});

describe("HTML in the reader registry", () => {
  it("is chosen by extension, and by content for unknown extensions", async () => {
    expect(chooseReader("page.htm", Buffer.from("x")).name).toBe("html");
    expect(chooseReader("page.download", Buffer.from("\ufeff<!-- saved -->\n<!DOCTYPE html><html>")).name).toBe("html");
    const [document] = await readDocuments("page.html", page(""), { date: "2024-02-02" });
    expect(document!.date).toBe("2024-02-02");
    expect(document!.text).toContain("Paragraph 2");
  });
});
